/**
 * The emulator's runner lifecycle for team config files. The configs are read here, with the product's reader,
 * because the emulator reads no config itself: the tests and the bench start it through this.
 */
import { loadTeamConfigs } from '../src/config/load.js'
import { startLifecycle as start, type Lifecycle, type LifecycleOptions } from '../emulator/lifecycle/lifecycle.js'

export type { Lifecycle, LifecycleOptions }

export function startLifecycle(configFiles: string[], options?: LifecycleOptions): Promise<Lifecycle> {
  return start(configFiles, loadTeamConfigs(configFiles), options)
}
