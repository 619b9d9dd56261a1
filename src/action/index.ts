console.log('action')
