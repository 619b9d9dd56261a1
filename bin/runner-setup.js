#!/usr/bin/env node
// The CLI ships inside the action's bundle (see src/index.ts): one build serves both.
import { runCli } from '../dist/index.js'

process.exitCode = await runCli()
