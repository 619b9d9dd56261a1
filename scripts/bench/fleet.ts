/**
 * Drift at fleet scale under ARM's modelled limits (`npm run bench -- fleet`): 100, 1,000 and 5,000 generated teams,
 * 250 to a subscription (each subscription its own read bucket), and the largest fleet one subscription holds (980
 * resource groups, Azure's limit). One team is applied for real; the others are copies of its resources with their
 * own names, ids, subscription and address space, so nothing has drifted: every drift reported is a false one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadTeamConfigs } from '../../src/config/load.js'
import { teamLayout } from '../../src/core/layout.js'
import { startWorld } from '../../emulator/worlds/world.js'

export interface FleetCase {
  teams: number
  perSubscription: number
}

/** A real subscription holds at most 980 resource groups: the largest fleet of one-group teams it fits. */
export const ONE_SUBSCRIPTION_MAX = 980
export const FLEET_CASES: FleetCase[] = [
  { teams: 100, perSubscription: 250 },
  { teams: 1000, perSubscription: 250 },
  { teams: 5000, perSubscription: 250 },
  { teams: ONE_SUBSCRIPTION_MAX, perSubscription: ONE_SUBSCRIPTION_MAX }
]

const TEMPLATE = 'tmplteam'
const TEMPLATE_SUB = '00000000-0000-0000-0000-00000000ffff'
const TEMPLATE_PREFIX = '10.250.0.'

export async function fleetFigures(
  report: (name: string, value: string) => void,
  latencyMs: number,
  cases: FleetCase[] = FLEET_CASES
): Promise<void> {
  for (const fleetCase of cases) await fleetCaseFigures(report, latencyMs, fleetCase)
}

async function fleetCaseFigures(
  report: (name: string, value: string) => void,
  latencyMs: number,
  { teams, perSubscription }: FleetCase
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runner-setup-fleet-'))
  const files = Array.from({ length: teams }, (_, i) => {
    const file = join(dir, `${teamName(i)}.yaml`)
    writeFileSync(file, teamYaml(teamName(i), subscriptionOf(i, perSubscription), prefixOf(i)))
    return file
  })
  const templateDir = mkdtempSync(join(tmpdir(), 'runner-setup-fleet-template-'))
  const templateFile = join(templateDir, `${TEMPLATE}.yaml`)
  writeFileSync(templateFile, teamYaml(TEMPLATE, TEMPLATE_SUB, TEMPLATE_PREFIX))

  const world = await startWorld([templateFile, ...files], { latencyMs })
  try {
    const applied = await world.cli(['apply', '--config', templateFile])
    if (applied.code !== 0) throw new Error(`template apply failed: ${applied.stderr}`)
    cloneTemplate(world.emulator.admin, templateFile, files)
    world.emulator.limits.limited = true
    Object.assign(world.emulator.limits.graph.stats, { queries: 0, throttled: 0, refused: 0 })
    world.emulator.clearRequests()
    const t0 = performance.now()
    const run = await world.cli(['drift', '--config', dir, '--json'])
    const seconds = (performance.now() - t0) / 1000
    const result = JSON.parse(run.stdout) as { teams: { team: string; error?: string; drift?: boolean }[] }
    const failed = result.teams.filter(t => t.error)
    const drifted = result.teams.filter(t => t.drift)
    const log = world.emulator.requests()
    const throttle = world.emulator.limits.throttle.stats
    const overrun = Math.max(0, ...world.emulator.limits.throttle.stats.overrun.values())
    const subscriptions = Math.ceil(teams / perSubscription)
    report(
      `drift over ${teams} teams, ${subscriptions} subscription${subscriptions === 1 ? '' : 's'} (${perSubscription} a subscription), ARM limits on`,
      [
        `exit ${run.code}, ${seconds.toFixed(1)} s wall (${/through Azure Resource Graph in \d+ queries, ([\d.]+ s)/.exec(run.stderr)?.[1] ?? 'no'} reading Resource Graph)`,
        `requests: ${requestsByKind(log)}`,
        `${world.emulator.limits.graph.stats.queries} Resource Graph queries (${world.emulator.limits.graph.stats.throttled} answered 429)`,
        `${throttle.throttled.reads + throttle.throttled.writes + throttle.throttled.deletes + throttle.throttled.provider} ARM answers 429 (at most ${overrun} in one second in a subscription; one refill is 25)`,
        `${failed.length} failed teams${failed[0] ? ` (first: ${failed[0].error})` : ''}`,
        `${drifted.length} teams with false drift`
      ].join('; ')
    )
  } finally {
    await world.close()
  }
}

function teamName(i: number): string {
  return `team${String(i).padStart(4, '0')}`
}

function subscriptionOf(i: number, perSubscription: number): string {
  return `00000000-0000-0000-0000-${String(200000000000 + Math.floor(i / perSubscription))}`
}

/** A /24 per team: 10.100.0.0 upwards, 200 to a second octet. */
function prefixOf(i: number): string {
  return `10.${100 + Math.floor(i / 200)}.${i % 200}.`
}

function teamYaml(team: string, subscriptionId: string, prefix: string): string {
  return `team: ${team}
azure:
  subscriptionId: ${subscriptionId}
  resourceGroup: rg-${team}-runners
  location: norwayeast
network:
  addressSpace: ${prefix}0/24
  subnet: ${prefix}0/27
github:
  owner: altinn
  scope: org
  repos: [${team}-app, ${team}-api]
  app:
    id: 123456
    installationId: 7891011
    privateKeySecretUri: https://kv-${team}.vault.azure.net/secrets/gh-app-key
`
}

/** Every resource of the applied template, stored again under each team's names, ids, subscription and addresses. */
function cloneTemplate(
  admin: Awaited<ReturnType<typeof startWorld>>['emulator']['admin'],
  templateFile: string,
  files: string[]
): void {
  const [template] = loadTeamConfigs([templateFile])
  const templateLayout = teamLayout(template!)
  const stored = JSON.stringify(admin.storedUnder(templateLayout.resourceGroupId))
  for (const config of loadTeamConfigs(files)) {
    const layout = teamLayout(config)
    const text = stored
      .replaceAll(templateLayout.roleAssignmentId.split('/').at(-1)!, layout.roleAssignmentId.split('/').at(-1)!)
      .replaceAll(TEMPLATE_SUB, config.azure.subscriptionId)
      .replaceAll(TEMPLATE, config.team)
      .replaceAll(TEMPLATE_PREFIX, config.network.addressSpace.replace(/0\/24$/, ''))
    for (const resource of JSON.parse(text)) admin.putStored(resource)
  }
}

function requestsByKind(log: { method: string; path: string; status: number }[]): string {
  const counts = new Map<string, number>()
  for (const r of log) {
    if (!r.path.startsWith('/subscriptions/') && !r.path.startsWith('/providers/')) continue
    const at = r.path.lastIndexOf('/providers/')
    const segments = r.path.slice(at + '/providers/'.length).split('/')
    const type =
      at < 0
        ? 'resource group'
        : r.path.startsWith('/providers/')
          ? 'Resource Graph'
          : `${segments[0]}/${segments[1]}${segments.length > 4 ? `/${segments[3]}` : ''}`
    const key = `${r.method} ${type}${r.status === 429 ? ' (429)' : ''}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
}
