#!/usr/bin/env node
console.log('runner-setup')
