import { describe, expect, it } from '@jest/globals'
import { desiredResources } from '../../src/core/desired.js'
import { ownershipProblem } from '../../src/core/ownership.js'
import { resolveRefs } from '../../src/core/refs.js'
import type { DesiredResource } from '../../src/core/types.js'
import { PRIVATE_VNET, RG, orgTeam, repoTeam } from './fixtures.js'

const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-studio-runners`
const resources = desiredResources(orgTeam())
const find = (kind: DesiredResource['kind'], list = resources) => list.find(r => r.kind === kind)!
const OURS = { 'managed-by': 'runner-setup', 'runner-setup-team': 'studio' }

describe('ownershipProblem, tagged resources', () => {
  const vnet = find('virtualNetwork')

  it("accepts a resource tagged as this team's, whatever else it carries", () => {
    expect(ownershipProblem(vnet, { id: vnet.id, body: { tags: { ...OURS, owner: 'x' } } }, 'studio')).toBeUndefined()
  })

  it('refuses an untagged resource with our name, saying what to do', () => {
    expect(ownershipProblem(vnet, { id: vnet.id, body: { location: 'norwayeast' } }, 'studio')).toBe(
      "Microsoft.Network/virtualNetworks vnet-studio-runners exists but is not tagged as team studio's: refusing to take it over; " +
        "remove or rename it, or tag it managed-by=runner-setup and runner-setup-team=studio if it really is this team's"
    )
  })

  it('names the other team when the resource is theirs', () => {
    const problem = ownershipProblem(
      vnet,
      { id: vnet.id, body: { tags: { ...OURS, 'runner-setup-team': 'apps' } } },
      'studio'
    )
    expect(problem).toContain("is not tagged as team studio's (it is team apps's): refusing to take it over")
  })

  it('needs both tags', () => {
    expect(
      ownershipProblem(vnet, { id: vnet.id, body: { tags: { 'runner-setup-team': 'studio' } } }, 'studio')
    ).toContain('refusing to take it over')
  })

  it('tells a team to use an existing resource group as is rather than claim it', () => {
    const group = find('resourceGroup', desiredResources(repoTeam()))
    expect(ownershipProblem(group, { id: group.id, body: { tags: { owner: 'platform' } } }, 'apps-team')).toBe(
      "Microsoft.Resources/resourceGroups rg-apps-runners exists but is not tagged as team apps-team's: refusing to take it over; " +
        'set azure.createResourceGroup: false to use the existing group'
    )
  })
})

describe('ownershipProblem, marked and child resources', () => {
  it('accepts a remote peering that points back at our VNet, in any case', () => {
    const remote = find('remotePeering')
    expect(
      ownershipProblem(remote, { id: remote.id, body: { remoteVirtualNetwork: { id: VNET.toLowerCase() } } }, 'studio')
    ).toBeUndefined()
  })

  it('refuses a remote peering of our name that points elsewhere', () => {
    const remote = find('remotePeering')
    const other = VNET.replace('vnet-studio-runners', 'vnet-other')
    expect(ownershipProblem(remote, { id: remote.id, body: { remoteVirtualNetwork: { id: other } } }, 'studio')).toBe(
      `Peering runner-setup-studio on ${PRIVATE_VNET} exists but points at ${other}, not at ${VNET}: refusing to take it over; remove or rename that peering`
    )
  })

  it('refuses a role assignment of our name granted to another principal, once our principal is known', () => {
    const role = find('roleAssignment')
    const resolved = { ...role, body: resolveRefs(role.body, () => 'principal-ours').body }
    expect(
      ownershipProblem(resolved, { id: role.id, body: { principalId: 'principal-ours' } }, 'studio')
    ).toBeUndefined()
    expect(ownershipProblem(resolved, { id: role.id, body: { principalId: 'principal-old' } }, 'studio')).toBe(
      `Role assignment ${role.name} exists but is granted to principal principal-old, not to principal-ours: refusing to take it over; ` +
        'remove that role assignment (it may be left over from a deleted identity)'
    )
    // Unresolved, the derived name is the only proof there is.
    expect(ownershipProblem(role, { id: role.id, body: { principalId: 'principal-old' } }, 'studio')).toBeUndefined()
  })

  it('leaves children to their parent, and has nothing to say about what does not exist', () => {
    const subnet = find('subnet')
    expect(ownershipProblem(subnet, { id: subnet.id, body: {} }, 'studio')).toBeUndefined()
    expect(ownershipProblem(find('job'), undefined, 'studio')).toBeUndefined()
  })
})
