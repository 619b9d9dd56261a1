console.log('entrypoint')
