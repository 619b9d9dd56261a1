/**
 * The emulator README's team path, command by command: `npm run emulator -- --seed <config> --run-jobs`, its printed
 * `export` lines, then every line of the README's command block (apply, verify, a job queued on the team's labels,
 * verify again), nothing else. Each outcome is checked where it happened: the job in ARM, verify's checks, the job
 * completed on a runner with the team's labels and that runner's execution in the emulator's own output.
 * Runs the built CLI (dist/).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'

const readme = readFileSync('emulator/README.md', 'utf8')
const start = readme.indexOf('## The team path against `npm run emulator`')
const section = readme.slice(start, readme.indexOf('\n## ', start + 1))
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map(m =>
  m[1]!
    .replace(/\\\n\s*/g, '') // a line continued with a backslash is one command
    .trim()
    .split('\n')
)
const [[startLine], commands] = blocks as [[string], string[]]

const JOB_ID =
  '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-studio-runners/providers/Microsoft.App/jobs/caj-studio'

describe("the emulator README: the team path (apply, verify, a job on the team's labels)", () => {
  let emulator: ChildProcess
  const env: Record<string, string> = {}
  let printed = ''

  beforeAll(async () => {
    expect(start).toBeGreaterThan(0)
    expect(startLine).toBe('npm run emulator -- --seed examples/teams/studio.yaml --run-jobs')
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

  /**
   * One README line in bash, with only the exports the emulator printed added to this shell's environment. Async, so
   * the emulator's output keeps flowing into `printed` meanwhile.
   */
  const run = (line: string) =>
    promisify(execFile)('bash', ['-c', line], { encoding: 'utf8', env: { ...process.env, ...env } }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? 1,
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? ''
      })
    )
  const admin = async (path: string): Promise<unknown> =>
    JSON.parse((await run(`curl -sS --cacert "$NODE_EXTRA_CA_CERTS" "$EMULATOR_URL${path}"`)).stdout)

  it('prints the exports the walk uses, Key Vault and GitHub included, and runs the jobs', () => {
    expect(printed).toContain('seeded from examples/teams/studio.yaml:')
    expect(printed).toMatch(/Container Apps jobs +run here: KEDA polls and executions/)
    expect(env.GITHUB_API_URL).toBe(`${env.EMULATOR_URL}/github/api/v3`)
    expect(env.AZURE_KEYVAULT_ENDPOINT).toBe(`${env.EMULATOR_URL}/keyvault`)
    expect(env.AZURE_RESOURCE_MANAGER_ENDPOINT).toBe(env.EMULATOR_URL)
  })

  it('every line of the README block does what the README says, in order', async () => {
    expect(commands.map(l => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'npx runner-setup apply',
      'npx runner-setup verify',
      'curl -sS --cacert',
      'npx runner-setup verify'
    ])
    const outputs: string[] = []
    for (const line of commands) {
      const result = await run(line)
      expect({ line, code: result.code, stderr: result.stderr }).toEqual({ line, code: 0, stderr: '' })
      outputs.push(result.stdout)
    }
    const [apply, verify, queued, verifyAgain] = outputs as [string, string, string, string]

    // apply wrote the team's event-triggered job, scaled on the team's labels.
    expect(apply).toMatch(/\+ create job caj-studio/)
    const job = (await admin(`/_admin/resources?id=${encodeURIComponent(JOB_ID)}`)) as {
      properties: { configuration: { triggerType: string } }
    }
    expect(job.properties.configuration.triggerType).toBe('Event')

    // verify ran every check (none not checked, none failed), acting as the App with the key from Key Vault.
    for (const output of [verify, verifyAgain]) {
      expect(output).not.toMatch(/✗|not checked/)
      for (const check of ['azure resources', 'keda version', 'runner group', 'runners', 'api budget', 'jit config'])
        expect(output).toMatch(new RegExp(`✓ ${check}: `))
    }
    expect(verify).toMatch(/✓ executions: no executions yet/)

    // The job ran to success on a runner of the team's job, registered with the team's labels.
    const [ran] = JSON.parse(queued) as {
      status: string
      conclusion: string
      labels: string[]
      runnerName: string
      runnerLabels: string[]
    }[]
    expect(ran).toMatchObject({ status: 'completed', conclusion: 'success', labels: ['studio'] })
    expect(ran!.runnerName).toMatch(/^caj-studio-/)
    expect(ran!.runnerLabels.sort()).toEqual(['studio'])
    expect(printed).toContain(`execution ${ran!.runnerName}: Succeeded`)
    expect(printed).toMatch(/KEDA poll of caj-studio: queue 1, running 0, starting 1/)

    // Afterwards verify sees that execution, and the ephemeral runner gone.
    expect(verifyAgain).toMatch(new RegExp(`✓ executions: 1 executions \\(1 Succeeded\\), latest ${ran!.runnerName}`))
    expect(verifyAgain).toMatch(/✓ runners: 0 registered/)
  }, 180_000)
})
