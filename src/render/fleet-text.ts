/** The drift check's view across teams: the API budget per App installation and the credentials teams share. */
import type { FleetReport, InstallationBudget } from '../core/polling-budget.js'

const percent = (share: number): string => `${Math.round(share * 100)} %`

function headline(i: InstallationBudget): string {
  const teams = i.teams.map(t => t.team).join(', ')
  return `App ${i.appId} installation ${i.installationId} (${teams}): ${i.callsPerHour}/h, ${percent(i.share)} of ${i.hourlyLimit}/h (${i.limitSource}); ${i.callsPerHourIfErroring}/h if every poll errors; target ${percent(i.targetShare)}`
}

function verdict(i: InstallationBudget): string {
  if (!i.reachable) return 'over the target even polling hourly: split the repositories across more Apps'
  if (i.share > i.targetShare)
    return 'over the target: use the suggested polling intervals (runners.pollingIntervalSeconds)'
  const room = `room for ${i.roomForTeams} more team${i.roomForTeams === 1 ? '' : 's'} like these at their polling`
  if (i.nearTarget)
    return `within the target, nearly full (${room}): give the next teams their own App, or poll less often`
  return `within the target, ${room}`
}

function sharing(fleet: FleetReport): string[] {
  return [
    ...fleet.sharedInstallations.map(
      s =>
        `${s.what} is shared by ${s.teams.join(', ')}: each team's runners, and anyone who can run its setup workflow, can register runners for the others`
    ),
    ...fleet.sharedSecrets.map(s => `Key Vault secret ${s.what} (the App key) is read by ${s.teams.join(', ')}`)
  ]
}

/** Markdown for the job summary. */
export function fleetSummary(fleet: FleetReport | undefined): string[] {
  if (!fleet) return []
  const out = ['', '### GitHub API budget per App installation', '']
  out.push('| installation | team | repos | active runs | polling | calls/h | suggested polling |')
  out.push('| --- | --- | --- | --- | --- | --- | --- |')
  for (const i of fleet.installations)
    for (const t of i.teams)
      out.push(
        `| ${i.appId} / ${i.installationId} | ${t.team} | ${t.repos} | ${t.activeRuns ?? 'not counted'} | ${t.pollingIntervalSeconds} s | ${t.callsPerHour} | ${t.suggestedIntervalSeconds} s |`
      )
  out.push('', ...fleet.installations.map(i => `- ${headline(i)}: ${verdict(i)}.`))
  const shared = sharing(fleet)
  if (shared.length > 0) out.push('', '### Shared credentials', '', ...shared.map(s => `- ${s}.`))
  return out
}

/** Plain lines for the CLI. */
export function fleetText(fleet: FleetReport | undefined): string[] {
  if (!fleet) return []
  const out = ['', 'GitHub API budget per App installation:']
  for (const i of fleet.installations) {
    out.push(`  ${headline(i)}: ${verdict(i)}`)
    for (const t of i.teams)
      out.push(
        `    ${t.team}: ${t.callsPerPoll} calls per poll every ${t.pollingIntervalSeconds} s = ${t.callsPerHour}/h; suggested polling ${t.suggestedIntervalSeconds} s`
      )
  }
  const shared = sharing(fleet)
  if (shared.length > 0) out.push('', 'Shared credentials:', ...shared.map(s => `  ${s}`))
  return out
}
