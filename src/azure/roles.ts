/** Which built-in Azure role grants an ARM action: turns a 403 into the exact grant the platform must make. */

interface RoleRule {
  pattern: RegExp
  role: string
}

// Most specific first: the first match wins.
const RULES: RoleRule[] = [
  {
    pattern: /^Microsoft\.Authorization\/roleAssignments\//i,
    role: 'Role Based Access Control Administrator (or User Access Administrator)'
  },
  { pattern: /^Microsoft\.Network\/privateDnsZones\//i, role: 'Private DNS Zone Contributor' },
  { pattern: /^Microsoft\.Network\//i, role: 'Network Contributor' },
  {
    pattern: /^Microsoft\.ManagedIdentity\/userAssignedIdentities\/assign\/action$/i,
    role: 'Managed Identity Operator'
  },
  { pattern: /^Microsoft\.ManagedIdentity\//i, role: 'Managed Identity Contributor' },
  { pattern: /^Microsoft\.Insights\/diagnosticSettings\//i, role: 'Monitoring Contributor' },
  { pattern: /^Microsoft\.OperationalInsights\//i, role: 'Log Analytics Contributor' },
  { pattern: /^Microsoft\.Resources\/subscriptions\/resourceGroups\//i, role: 'Contributor (on the subscription)' },
  { pattern: /^Microsoft\.App\//i, role: 'Contributor' },
  // The image-build action: reading the registry, uploading a context, scheduling, following and cancelling runs.
  { pattern: /^Microsoft\.ContainerRegistry\/registries\//i, role: 'Container Registry Tasks Contributor' },
  { pattern: /\/read$/i, role: 'Reader' }
]

export function roleForAction(action: string): string {
  return RULES.find(rule => rule.pattern.test(action))?.role ?? 'Contributor'
}
