/**
 * The README's platform path, against the emulator, from onboarding to a team's first verified runner, using only what
 * the README says: the onboard command of "Onboard a team" (read from the README itself), the steps it prints (the App,
 * its installation and key, as the platform's GitHub side is seeded here, and the client id variable), then the team's
 * setup and verify signed in as the onboarded setup identity, and one queued job served by a runner.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { teamLayout } from '../../src/core/layout.js'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { LIFECYCLE_OPTIONS } from './teams.js'

const CONFIG = 'test/e2e/fixtures/onboard-team.yaml'
const SUB = '00000000-0000-0000-0000-0000000000d1'

/** The onboard command as the README's "Onboard a team" section prints it, continuation lines joined. */
function readmeOnboardCommand(): string[] {
  const section = readFileSync('README.md', 'utf8').split('### Onboard a team')[1]!
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!
  const line = block
    .split('\n')
    .map(l => l.replace(/\s+#.*$/, ''))
    .join('\n')
    .replace(/\\\n\s*/g, ' ')
    .trim()
  const words = line.replace(/\$SUB/g, SUB).split(/\s+/)
  expect(words.slice(0, 3)).toEqual(['npx', 'runner-setup', 'onboard'])
  return words.slice(2).map(w => (w === 'teams/payments.yaml' ? CONFIG : w))
}

let life: Lifecycle
beforeAll(async () => {
  life = await startLifecycle([CONFIG], { ...LIFECYCLE_OPTIONS, apply: false })
  // Where the README starts: nothing of the team in Azure yet (the platform's group, vault and workspace exist).
  life.world.emulator.admin.deleteResource(teamLayout(life.teams[0]!).resourceGroupId)
}, 120_000)
afterAll(async () => life?.close())

describe("the README's platform path", () => {
  it('onboard, then the team sets up and verifies as its own identity, and its first runner takes a job', async () => {
    const { world } = life
    const onboard = await world.cli([...readmeOnboardCommand(), '--oidc-issuer', world.emulator.oidc.issuer])
    expect(onboard.code).toBe(0)
    // "Left to do by hand": the AZURE_CLIENT_ID variable of the team's runner-setup environment, value filled in.
    const clientId = /gh variable set AZURE_CLIENT_ID --repo altinn\/payments-app --env runner-setup --body (\S+)/.exec(
      onboard.stdout
    )![1]!
    const team = {
      AZURE_CLIENT_ID: clientId,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.emulator.oidc.requestTokenFor({
        sub: 'repo:altinn/payments-app:environment:runner-setup'
      })
    }
    const setup = await world.cli(['apply', '--config', CONFIG], { env: team })
    expect(setup.stdout + setup.stderr).not.toContain('AuthorizationFailed')
    expect(setup.code).toBe(0)

    const [job] = life.queue(life.teams[0]!, 'payments-app', { runSeconds: 30 })
    await life.until(() => job!.status === 'completed', 'the first job to complete on a team runner', 90_000)
    expect(job!.conclusion).toBe('success')
    expect(job!.runnerName).toBe(life.runtime.executions[0]!.name)

    const verify = await world.cli(['verify', '--config', CONFIG, '--json'], { env: team })
    const checks = (JSON.parse(verify.stdout) as { checks: { name: string; status: string }[] }).checks
    expect(checks.filter(c => ['azure resources', 'executions'].includes(c.name)).map(c => c.status)).toEqual([
      'pass',
      'pass'
    ])
  }, 240_000)
})
