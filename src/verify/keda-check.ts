/**
 * The KEDA version Container Apps runs for the environment (`kedaConfiguration.version`, read-only on its GET). The
 * job's scale rule sets `noDefaultLabels` (KEDA 2.16+); older versions ignore unknown keys silently (kedacore/keda,
 * scalers' typed config), so below 2.16 runners may scale for other teams' jobs.
 */
import type { TeamConfig } from '../config/types.js'
import { teamLayout } from '../core/layout.js'
import type { Clients } from '../azure/clients.js'
import type { VerifyCheck } from './verify-check.js'

export const KEDA_CHECK = 'keda version'
const NEEDED: [number, number] = [2, 16]

/** Pure: the check for a version string (`2.18.1`), or a warning when Azure did not say. */
export function kedaCheck(version: string | undefined): VerifyCheck {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '')
  if (!match) return { name: KEDA_CHECK, status: 'warn', detail: 'the environment does not report its KEDA version' }
  const [major, minor] = [Number(match[1]), Number(match[2])]
  const recent = major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1])
  if (recent) return { name: KEDA_CHECK, status: 'pass', detail: `KEDA ${version}` }
  return {
    name: KEDA_CHECK,
    status: 'warn',
    detail: `KEDA ${version} is older than 2.16: the scale rule's noDefaultLabels is silently ignored, so jobs labelled only self-hosted may start this team's runners; Azure upgrades KEDA itself, so this should pass later`
  }
}

export async function readKedaVersion(clients: Clients, config: TeamConfig): Promise<VerifyCheck> {
  const { names } = teamLayout(config)
  try {
    const env = await clients
      .apps(config.azure.subscriptionId)
      .managedEnvironments.get(config.azure.resourceGroup, names.managedEnvironment)
    return kedaCheck(env.kedaConfiguration?.version)
  } catch {
    return kedaCheck(undefined)
  }
}
