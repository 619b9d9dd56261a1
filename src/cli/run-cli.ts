import { main } from './main.js'

/** The `runner-setup` command: argv and the process's streams in, an exit code out. */
export function runCli(argv: string[] = process.argv.slice(2)): Promise<number> {
  return main(argv, process.env, {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text)
  })
}
