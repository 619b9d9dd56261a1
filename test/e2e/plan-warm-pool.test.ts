/** The built CLI's offline plan for a team with an always-on warm pool: the job's floor and the pool's monthly cost. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { CLI_BUNDLE, runNode } from '../../emulator/worlds/world.js'

const config = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rs-pool-')), 'minimal.yaml')
  writeFileSync(
    file,
    `${readFileSync('examples/teams/minimal.yaml', 'utf8')}runners:\n  max: 5\n  warmPool: { size: 2, always: true }\n  price: { vcpuSecond: 0.00001, gibSecond: 0.000001, currency: EUR }\n`
  )
  return file
}

describe('plan with a warm pool', () => {
  it('sets minExecutions to the pool size and prints what the pool costs per month at the team price', async () => {
    const file = config()
    const json = await runNode(CLI_BUNDLE, ['plan', '--offline', '--json', '--config', file], {
      PATH: process.env.PATH
    })
    expect(json.code).toBe(0)
    const result = JSON.parse(json.stdout) as {
      changes: { type: string; body: { configuration: { eventTriggerConfig: { scale: Record<string, number> } } } }[]
      outputs: { warmPool: Record<string, unknown> }
    }
    const job = result.changes.find(c => c.type === 'Microsoft.App/jobs')!
    expect(job.body.configuration.eventTriggerConfig.scale).toMatchObject({ minExecutions: 2, maxExecutions: 5 })
    // 2 runners × 730.5 h × 3600 s × (2 vCPU × 0.00001 + 4 GiB × 0.000001) EUR
    const seconds = 2 * ((365.25 * 24) / 12) * 3600
    expect(result.outputs.warmPool).toEqual({
      size: 2,
      jobs: 1,
      hoursPerMonth: 731,
      vcpuSeconds: Math.round(seconds * 2),
      gibSeconds: Math.round(seconds * 4),
      amount: Math.round((seconds * 2 * 0.00001 + seconds * 4 * 0.000001) * 100) / 100,
      currency: 'EUR'
    })

    const text = await runNode(CLI_BUNDLE, ['plan', '--offline', '--config', file], { PATH: process.env.PATH })
    expect(text.stdout).toContain(
      'Warm pool: 2 idle runners, 731 h/month → 10,519,200 vCPU-s and 21,038,400 GiB-s, about 126 EUR per month'
    )
  })
})
