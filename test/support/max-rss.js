// Preloaded (node --import) into a child process by tests: writes the child's peak resident memory, in KB, to
// the file named by MAX_RSS_FILE when it exits. Test-only; the shipped bundle never reads this variable.
import { writeFileSync } from 'node:fs'

process.on('exit', () => writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS)))
