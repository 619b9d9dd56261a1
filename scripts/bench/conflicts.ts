/**
 * Create from nothing as real Azure answers it: every long-running operation takes OPERATION_MS of elapsed time, and
 * the emulator refuses a second write on a VNet while one runs. runner-setup serialises the writes that share a VNet,
 * so the figure shows what that costs: the critical path in operation-times next to the plan's dependency depth
 * (the depth is what a fully parallel apply would take, if Azure allowed it).
 */
import { performance } from 'node:perf_hooks'
import { loadTeamConfigs } from '../../src/config/load.js'
import { desiredResources } from '../../src/core/desired.js'
import { planOffline } from '../../src/core/plan.js'
import { serialised } from '../../src/azure/execute.js'
import { countArm, startWorld } from '../../emulator/worlds/world.js'

const OPERATION_MS = 250
const LATENCY_MS = 50

export async function conflictFigures(config: string, report: (name: string, value: string) => void): Promise<void> {
  const plan = planOffline(desiredResources(loadTeamConfigs([config])[0]))
  const levels = [...new Set(plan.entries.map(e => e.level))]
  const depth = levels.length
  // Each level takes as long as its longest lane of VNet writes.
  const serialDepth = levels.reduce((sum, level) => {
    const lanes = serialised(plan.entries.filter(e => e.level === level))
    return sum + Math.max(...lanes.map(lane => lane.length))
  }, 0)
  const world = await startWorld([config], { latencyMs: LATENCY_MS, lroDurationMs: OPERATION_MS })
  try {
    const before = world.emulator.requests().length
    const t0 = performance.now()
    const run = await world.cli(['apply', '--config', config])
    const ms = Math.round(performance.now() - t0)
    const log = world.emulator.requests().slice(before)
    const refused = log.filter(r => r.method !== 'GET' && (r.status === 409 || r.status === 400)).length
    const arm = countArm(world.emulator, before)
    report(
      `create from nothing, Azure's per-VNet conflicts modelled (operations of ${OPERATION_MS} ms)`,
      `exit ${run.code}, ${arm.writes} writes, ${refused} refused; dependency depth ${depth}, ${serialDepth} with VNet writes serialised; ${(ms / OPERATION_MS).toFixed(1)} operation-times wall (${ms} ms, process start and sign-in included)`
    )
  } finally {
    await world.close()
  }
}
