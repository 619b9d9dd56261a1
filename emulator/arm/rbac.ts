/**
 * Azure RBAC for managed identities that sign in with a federated credential (the teams' setup identities): a
 * control-plane action is allowed when a role assignment of the caller's principal at the scope or above grants it
 * (actions minus notActions, `*` as a wildcard, case-insensitive), and its condition, if any, holds. The emulator's
 * own app is the platform's Owner and is never checked here (its limits are the `denials`).
 * Role definitions: Microsoft Learn, "Azure built-in roles" (the control-plane actions the runner setup touches).
 * Conditions: Microsoft Learn, "Examples to delegate Azure role assignment management with conditions"; only the
 * constrain-roles-and-principal-types form is understood, and anything else is refused rather than ignored.
 */
import { armError, type ArmError } from './errors.js'
import { isUnder, lower } from './router.js'
import type { ResourceStore, Wire } from './store.js'
import { asWire, props } from './types/resource-type.js'

/** Who is calling ARM: the signed-in identity a token names. */
export interface Caller {
  clientId: string
  objectId: string
}

interface RoleDefinition {
  actions: string[]
  notActions: string[]
}

const ROLES: Record<string, RoleDefinition> = {
  // Contributor
  'b24988ac-6180-42a0-ab88-20f7382dd24c': {
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action'
    ]
  },
  // Reader
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': { actions: ['*/read'], notActions: [] },
  // Network Contributor
  '4d97b98b-1d4f-4787-a291-c67834d212e7': {
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Network/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read'
    ],
    notActions: []
  },
  // Private DNS Zone Contributor
  'b12aa53e-6015-4669-85d0-8515ebb3ae7f': {
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Network/privateDnsZones/*',
      'Microsoft.Network/privateDnsOperationResults/*',
      'Microsoft.Network/privateDnsOperationStatuses/*',
      'Microsoft.Network/virtualNetworks/read',
      'Microsoft.Network/virtualNetworks/join/action',
      'Microsoft.Resources/subscriptions/resourceGroups/read'
    ],
    notActions: []
  },
  // Log Analytics Contributor
  '92aaf0da-9dab-42b6-94a3-d43ce8d16293': {
    actions: ['*/read', 'Microsoft.Insights/diagnosticSettings/*', 'Microsoft.OperationalInsights/*'],
    notActions: []
  },
  // Role Based Access Control Administrator
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': {
    actions: [
      'Microsoft.Authorization/roleAssignments/write',
      'Microsoft.Authorization/roleAssignments/delete',
      '*/read'
    ],
    notActions: []
  }
}

const matches = (pattern: string, action: string): boolean =>
  new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`, 'i').test(action)
const escape = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

const guidOf = (id: unknown): string =>
  lower(
    String(id ?? '')
      .split('/')
      .at(-1) ?? ''
  )

/** What a role assignment write (the request) or delete (the stored one) grants, for the condition. */
export interface AssignmentFacts {
  roleDefinitionId: string
  principalType: string
}

/**
 * The constrain-roles-and-principal-types condition: for each action it names, the GUIDs after `GuidEquals` and the
 * principal types after `StringEqualsIgnoreCase`. Undefined when the condition has another form.
 */
function conditionHolds(condition: string, action: string, facts: AssignmentFacts | undefined): boolean {
  const parts = [...condition.matchAll(/ActionMatches\{'([^']+)'\}\)\)\s*OR\s*\(([^)]*)\)/g)]
  if (parts.length === 0) return false
  for (const [, constrained, rule] of parts) {
    if (!matches(constrained!, action)) continue
    if (facts === undefined) return false
    const roles = [...rule!.matchAll(/GuidEquals\s*\{([^}]+)\}/g)].flatMap(m =>
      m[1]!.split(',').map(s => lower(s.trim()))
    )
    const types = [...rule!.matchAll(/StringEqualsIgnoreCase\s*\{([^}]+)\}/g)].flatMap(m =>
      m[1]!.split(',').map(s => lower(s.trim().replace(/^'|'$/g, '')))
    )
    if (roles.length > 0 && !roles.includes(guidOf(facts.roleDefinitionId))) return false
    if (types.length > 0 && !types.includes(lower(facts.principalType))) return false
  }
  return true
}

/** ARM's 403 for a federated managed identity without a grant, or undefined when one allows the action. */
export function rbacDenial(
  store: ResourceStore,
  caller: Caller,
  action: string,
  scope: string,
  facts?: AssignmentFacts
): ArmError | undefined {
  const assignments = store
    .all()
    .filter(r => lower(r.type) === 'microsoft.authorization/roleassignments')
    .map(r => props(r.body))
    .filter(p => lower(String(p.principalId)) === lower(caller.objectId) && isUnder(scope, String(p.scope)))
  const allowed = assignments.some(p => {
    const role = ROLES[guidOf(p.roleDefinitionId)]
    if (role === undefined) return false
    if (!role.actions.some(a => matches(a, action)) || role.notActions.some(a => matches(a, action))) return false
    return typeof p.condition === 'string' && p.condition !== '' ? conditionHolds(p.condition, action, facts) : true
  })
  if (allowed) return undefined
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${caller.clientId}' with object id '${caller.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
  )
}

/** The facts a role assignment's condition is judged on: the request body for a write, the stored one for a delete. */
export function assignmentFacts(body: Wire | undefined): AssignmentFacts | undefined {
  if (body === undefined) return undefined
  const p = asWire(body.properties)
  return { roleDefinitionId: String(p.roleDefinitionId ?? ''), principalType: String(p.principalType ?? 'User') }
}
