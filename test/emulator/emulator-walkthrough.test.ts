/**
 * The emulator README's walk, command by command: `npm run emulator -- --seed <config>` (here a config with
 * `azure.createResourceGroup: true`, whose group apply must create and tag), its printed `export` lines, then every
 * `npx runner-setup` line of the README's CLI block, nothing else. Runs the built CLI (dist/).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

const readme = readFileSync('emulator/README.md', 'utf8')
const section = readme.slice(readme.indexOf('## From `npm run emulator` to the CLI'))
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map(m => m[1]!.trim().split('\n'))
const [[startLine], cliLines] = blocks as [[string], string[]]

describe('the emulator README: from npm run emulator to the CLI', () => {
  let emulator: ChildProcess
  const env: Record<string, string> = {}
  let printed = ''

  beforeAll(async () => {
    expect(startLine).toBe('npm run emulator -- --seed examples/teams/dialogporten.yaml')
    emulator = spawn('bash', ['-c', `exec ${startLine}`], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`the emulator did not start:\n${printed}`)), 60_000)
      emulator.stdout!.on('data', (c: Buffer) => {
        printed += c.toString()
        if (printed.includes('Ctrl-C to stop.')) {
          clearTimeout(timer)
          ready()
        }
      })
      emulator.stderr!.on('data', (c: Buffer) => (printed += c.toString()))
    })
    for (const [, name, value] of printed.matchAll(/^ {2}export (\w+)='([^']*)'$/gm)) env[name!] = value!
  }, 90_000)

  afterAll(() => {
    if (emulator?.pid) process.kill(-emulator.pid, 'SIGTERM') // the group this test started: npm, tsx, node
  })

  it('seeds no resource group for a config that creates its own, and prints the exports', () => {
    expect(printed).toContain('seeded from examples/teams/dialogporten.yaml:')
    expect(printed).not.toMatch(/resourceGroups\/rg-dialogporten-runners\n/)
    expect(Object.keys(env).sort()).toEqual(
      [
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
        'ACTIONS_ID_TOKEN_REQUEST_URL',
        'AZURE_AUTHORITY_HOST',
        'AZURE_CLIENT_ID',
        'AZURE_KEYVAULT_ENDPOINT',
        'AZURE_RESOURCE_MANAGER_ENDPOINT',
        'AZURE_TENANT_ID',
        'EMULATOR_URL',
        'GITHUB_API_URL',
        'NODE_EXTRA_CA_CERTS'
      ].sort()
    )
  })

  it('every CLI line of the README succeeds against it, in order', () => {
    expect(cliLines.every(l => l.startsWith('npx runner-setup '))).toBe(true)
    const outputs = cliLines.map(line => {
      const run = spawnSync('bash', ['-c', line], { encoding: 'utf8', env: { ...process.env, ...env } })
      expect({ line, code: run.status, stderr: run.stderr.includes('needs Node') ? run.stderr : '' }).toEqual({
        line,
        code: 0,
        stderr: ''
      })
      return run.stdout
    })
    const [plan, apply, again, drift, destroy] = outputs as [string, string, string, string, string]
    expect(plan).toMatch(/\+ create +Microsoft\.Resources\/resourceGroups +rg-dialogporten-runners/)
    expect(apply).toMatch(/\+ create resourceGroup rg-dialogporten-runners/)
    expect(again).not.toMatch(/\+ create/)
    expect(drift).not.toMatch(/\+ create|~ update/)
    expect(destroy).toMatch(/Destroyed team dialogporten: \d+ resources deleted/)
  }, 180_000)
})
