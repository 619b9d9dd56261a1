/**
 * The image pull an execution starts with: a job's `registries` entry pulls from an Azure Container Registry with a
 * managed identity, which needs a pull role on the registry (AcrPull, or Container Registry Repository Reader on a
 * registry in AbacRepositoryPermissions mode). Without it the registry answers 401 and the replica never starts;
 * the message is containerd's, as Microsoft's "cannot pull image from ACR" troubleshooting article quotes it
 * (learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/cannot-pull-image-from-acr-to-aks-cluster).
 */
import type { EmulatorAdmin } from '../admin.js'

type Wire = Record<string, unknown>
const obj = (v: unknown): Wire => (v !== null && typeof v === 'object' ? (v as Wire) : {})
const lower = (v: unknown) => String(v).toLowerCase()

const RBAC_PULLERS = ['7f951dda-4ed3-4680-a7ca-43fe172d538d', '8311e382-0749-4cb8-b61a-304f252e45ec']
const ABAC_PULLERS = ['b93aa761-3e63-49ed-ac28-beffa264f7ac', '2a1e307c-b015-4ebd-883e-5b7698a07328']

/** Why the job's image cannot be pulled, or undefined when it can (or its registry is not one the emulator holds). */
export function imagePullError(admin: EmulatorAdmin, jobProperties: Wire): string | undefined {
  const image = String(obj((obj(jobProperties.template).containers as Wire[] | undefined)?.[0]).image ?? '')
  const server = image.split('/')[0] ?? ''
  const registries = (obj(jobProperties.configuration).registries ?? []) as Wire[]
  const registryId = admin
    .listResourceIds('Microsoft.ContainerRegistry/registries')
    .find(id => lower(obj(admin.getResource(id)?.properties).loginServer) === lower(server))
  if (registryId === undefined) return undefined
  const entry = registries.find(r => lower(r.server) === lower(server))
  const denied = `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized`
  if (entry === undefined || typeof entry.identity !== 'string') return denied
  const principalId = obj(admin.getResource(entry.identity)?.properties).principalId
  const abac = obj(admin.getResource(registryId)?.properties).roleAssignmentMode === 'AbacRepositoryPermissions'
  const roles = abac ? ABAC_PULLERS : RBAC_PULLERS
  const granted = admin.listResourceIds('Microsoft.Authorization/roleAssignments').some(id => {
    const p = obj(admin.getResource(id)?.properties)
    const scope = lower(p.scope)
    return (
      lower(p.principalId) === lower(principalId) &&
      roles.includes(lower(String(p.roleDefinitionId).split('/').at(-1))) &&
      (lower(registryId) === scope || lower(registryId).startsWith(`${scope}/`))
    )
  })
  return granted ? undefined : denied.replace('fetch anonymous token', 'fetch oauth token')
}
