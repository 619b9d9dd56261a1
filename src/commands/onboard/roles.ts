/** The built-in Azure roles onboarding grants (ids from Microsoft Learn, "Azure built-in roles"). */
export const BUILT_IN_ROLES = {
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'Network Contributor': '4d97b98b-1d4f-4787-a291-c67834d212e7',
  'Private DNS Zone Contributor': 'b12aa53e-6015-4669-85d0-8515ebb3ae7f',
  'Log Analytics Contributor': '92aaf0da-9dab-42b6-94a3-d43ce8d16293',
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6'
} as const

export type RoleName = keyof typeof BUILT_IN_ROLES

/**
 * Role Based Access Control Administrator, constrained with an ABAC condition (condition version 2.0) to what apply
 * needs: it may create or delete only assignments of Key Vault Secrets User, and only to service principals (the
 * runner's managed identity). Syntax as in Microsoft Learn, "Examples to delegate Azure role assignment management
 * with conditions" (constrain roles and principal types) and "Azure role assignment condition format and syntax".
 */
export function secretsUserOnlyCondition(): string {
  const role = BUILT_IN_ROLES['Key Vault Secrets User']
  const constrain = (action: 'write' | 'delete', source: 'Request' | 'Resource') =>
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/${action}'})) OR ` +
    `(@${source}[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${role}} AND ` +
    `@${source}[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}))`
  return `${constrain('write', 'Request')} AND ${constrain('delete', 'Resource')}`
}

/** ARM names a role definition under the subscription of the assignment's scope. */
export function roleDefinitionId(scope: string, role: RoleName): string {
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]
  if (!subscription) throw new Error(`Not an ARM scope: ${scope}`)
  return `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES[role]}`
}
