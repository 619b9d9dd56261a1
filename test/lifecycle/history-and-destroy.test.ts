import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ContainerAppsAPIClient } from '@azure/arm-appcontainers'
import { startLifecycle, type Lifecycle } from '../../scripts/team-lifecycle.js'
import { containerProcesses } from '../../emulator/lifecycle/container-processes.js'
import { clientOptions, credentialFor } from '../emulator/support.js'
import { orgJobName } from '../../src/core/names.js'
import { LIFECYCLE_OPTIONS, writeTeamConfigs } from './teams.js'

const TEAM = { team: 'sigma', index: 8, repos: ['sigma-app'], labels: ['sigma'] }
const SUBSCRIPTION = '00000000-0000-0000-0000-200000000008'
const RESOURCE_GROUP = 'rg-sigma-runners'

describe('execution history and destroy', () => {
  let life: Lifecycle
  let configFile: string
  beforeAll(async () => {
    ;[configFile] = writeTeamConfigs([TEAM]) as [string]
    life = await startLifecycle([configFile], LIFECYCLE_OPTIONS)
  }, 120_000)
  afterAll(async () => life?.close())

  it('the execution history is readable with the ARM SDK (jobsExecutions.list)', async () => {
    const [team] = life.teams
    const [job] = life.queue(team!, 'sigma-app', { runSeconds: 20 })
    await life.until(
      () => job!.status === 'completed' && life.runtime.running().length === 0,
      'the job and its execution to end'
    )
    const [execution] = life.runtime.executions

    const apps = new ContainerAppsAPIClient(
      credentialFor(life.world.emulator),
      SUBSCRIPTION,
      clientOptions(life.world.emulator)
    )
    const history = []
    for await (const item of apps.jobsExecutions.list(RESOURCE_GROUP, orgJobName('sigma'))) history.push(item)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ name: execution!.name, status: 'Succeeded' })
    expect(history[0]!.startTime).toBeInstanceOf(Date)
    expect(history[0]!.endTime!.getTime()).toBeGreaterThanOrEqual(history[0]!.startTime!.getTime())
  }, 120_000)

  it('destroy stops the running execution; none of its processes survive; its runner cancels the job and is gone', async () => {
    const [team] = life.teams
    const [job] = life.queue(team!, 'sigma-app', { runSeconds: 3600 })
    await life.until(() => job!.status === 'in_progress', 'a runner to take the job')
    const execution = life.runtime.running()[0]!
    expect(containerProcesses(execution.name).length).toBeGreaterThanOrEqual(2) // the entrypoint and the runner

    // The CLI stops the execution, then looks again after its fixed 10 s poll before deleting the job.
    const destroy = await life.world.cli(['destroy', '--config', configFile])
    expect(destroy.code).toBe(0)
    expect(destroy.stdout).toContain('job caj-sigma')
    await life.until(() => execution.status !== 'Running', 'the execution to stop', 30_000)

    expect(execution).toMatchObject({ status: 'Stopped', reason: 'stopped' })
    expect(containerProcesses(execution.name)).toEqual([])
    expect(() => process.kill(execution.pid!, 0)).toThrow()
    expect(job).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
    expect(life.world.github.admin.github.runners.size).toBe(0)
    expect(life.world.emulator.admin.listResourceIds('Microsoft.App/jobs')).toEqual([])
  }, 90_000)
})
