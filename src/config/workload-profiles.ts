/**
 * Container Apps workload profile types and what one runner may ask of each (Microsoft Learn, "Workload profiles in
 * Azure Container Apps", profile types table: learn.microsoft.com/azure/container-apps/workload-profiles-overview).
 * Consumption sizes a replica; a Dedicated type sizes a node, of which the platform keeps part for itself, so a
 * replica gets less than the node. runner-setup keeps 0.5 vCPU and 2 GiB of each node free for it.
 */

export const CONSUMPTION = 'Consumption'

export interface DedicatedType {
  /** The `workloadProfileType` Azure takes, e.g. `D8`. */
  type: string
  /** The node's size. */
  cpu: number
  memoryGi: number
  /** GPU types can be added only when an environment is created. */
  gpu: boolean
}

const node = (type: string, cpu: number, memoryGi: number, gpu = false): DedicatedType => ({
  type,
  cpu,
  memoryGi,
  gpu
})

/** Dedicated types, general purpose (D), memory optimised (E) and GPU (NC…-A100, where the region offers them). */
export const DEDICATED_TYPES: readonly DedicatedType[] = [
  node('D4', 4, 16),
  node('D8', 8, 32),
  node('D16', 16, 64),
  node('D32', 32, 128),
  node('E4', 4, 32),
  node('E8', 8, 64),
  node('E16', 16, 128),
  node('E32', 32, 256),
  node('NC24-A100', 24, 220, true),
  node('NC48-A100', 48, 440, true),
  node('NC96-A100', 96, 880, true)
]

/** What the platform keeps of each Dedicated node (the overview: "some of the node's resources are reserved"). */
export const NODE_RESERVED = { cpu: 0.5, memoryGi: 2 }

export function dedicatedType(type: string): DedicatedType | undefined {
  return DEDICATED_TYPES.find(t => t.type.toLowerCase() === type.toLowerCase())
}

/** The largest replica a node of this type can hold. */
export function allocatable(type: DedicatedType): { cpu: number; memoryGi: number } {
  return { cpu: type.cpu - NODE_RESERVED.cpu, memoryGi: type.memoryGi - NODE_RESERVED.memoryGi }
}

/** How many runners of this size one node holds. */
export function runnersPerNode(type: DedicatedType, cpu: number, memoryGi: number): number {
  const room = allocatable(type)
  return Math.max(1, Math.min(Math.floor(room.cpu / cpu), Math.floor(room.memoryGi / memoryGi)))
}

/**
 * Consumption's CPU/memory pairs (Microsoft Learn, "Containers in Azure Container Apps", allocations): 0.25 to 4 vCPU
 * in steps of 0.25, each with twice its vCPUs in Gi.
 */
export const CONSUMPTION_PAIRS: readonly { cpu: number; memoryGi: number }[] = Array.from({ length: 16 }, (_, i) => ({
  cpu: (i + 1) / 4,
  memoryGi: (i + 1) / 2
}))

export function isConsumptionPair(cpu: number, memoryGi: number): boolean {
  return CONSUMPTION_PAIRS.some(pair => pair.cpu === cpu && pair.memoryGi === memoryGi)
}
