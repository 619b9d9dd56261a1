import { afterAll, beforeAll, it } from '@jest/globals'
import { startLifecycle, type Lifecycle } from '../emulator/lifecycle/lifecycle.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'
let life: Lifecycle
beforeAll(async () => {
  life = await startLifecycle(writeTeamConfigs([{ team: 'delta', index: 4, repos: ['delta-app'], labels: ['delta'] }]), LIFECYCLE_OPTIONS)
}, 120_000)
afterAll(async () => life?.close())
it('x', async () => {
  const [delta] = life.teams
  const [dj] = life.queue(delta!, 'delta-app', { runSeconds: 20 })
  await life.until(() => life.runtime.executions.length > 0 && life.runtime.executions[0]!.status !== 'Running', 'x', 20000).catch(() => {})
  console.log(life.runtime.executions.map(e => e.status + ' ' + e.exitCode + '\n' + e.output).join('\n----\n'), dj)
}, 60000)
