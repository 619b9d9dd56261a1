/**
 * Which registries a team's build identity may build into. Whoever may build into a registry (Container Registry
 * Tasks Contributor) can overwrite or delete any image in it, so a registry listed for two teams is worth a warning.
 */
import type { PlatformPolicy } from './load.js'

/**
 * The policy lets `team` build into `registryId`: always without a teams section or a buildRegistries rule, never for a
 * team the teams section leaves out. For onboarding, before it grants the build identity its role on a registry.
 */
export function allowsBuildRegistry(policy: PlatformPolicy, team: string, registryId: string): boolean {
  if (!policy.teams) return true
  const rules = policy.teams[team]
  if (!rules) return false
  return !rules.buildRegistries || rules.buildRegistries.some(id => id.toLowerCase() === registryId.toLowerCase())
}

export interface SharedRegistry {
  registryId: string
  teams: string[]
}

/** Registries that more than one team may build into, each with its teams (sorted). */
export function sharedBuildRegistries(policy: PlatformPolicy): SharedRegistry[] {
  const byRegistry = new Map<string, SharedRegistry>()
  for (const [team, rules] of Object.entries(policy.teams ?? {})) {
    for (const id of rules.buildRegistries ?? []) {
      const entry = byRegistry.get(id.toLowerCase()) ?? { registryId: id, teams: [] }
      entry.teams.push(team)
      byRegistry.set(id.toLowerCase(), entry)
    }
  }
  return [...byRegistry.values()].filter(r => r.teams.length > 1).map(r => ({ ...r, teams: r.teams.sort() }))
}

export function sharedRegistryWarning(shared: SharedRegistry): string {
  return `Registry ${shared.registryId} is a build registry of ${shared.teams.join(', ')}: each of them can overwrite or delete the others' images in it. Give each team its own registry.`
}
