/**
 * Runner pools (`runners.pools`): several runner shapes of one team, each its own Container Apps job in the team's one
 * environment. Every `runners` key is the default a pool inherits, except `warmPool`; `labels` go on the pools. A
 * config without pools is one pool made of `runners` and `github.labels`.
 */
import { show, type Issue } from './issue.js'
import type { ListSpec, ObjectSpec, Spec } from './spec.js'
import type { Finding } from './validate.js'
import * as f from './formats.js'
import {
  CONSUMPTION,
  CONSUMPTION_PAIRS,
  DEDICATED_TYPES,
  allocatable,
  dedicatedType,
  isConsumptionPair
} from './workload-profiles.js'

/** More would spend the installation's API budget on polling alone (each pool is one KEDA rule polling GitHub). */
export const MAX_POOLS = 20
const DEFAULT_MAX = 10

export function checkPoolName(value: string): Issue | undefined {
  if (/^[a-z0-9-]{1,12}$/.test(value)) return undefined
  return {
    message: `${show(value)} must be 1-12 lowercase letters, digits and hyphens`,
    hint: 'the pool name goes into its job name, e.g. name: large'
  }
}

/** Any size in steps of 0.25 vCPU; whether the pool's profile offers it is a cross check. */
export function checkCpuStep(value: number): Issue | undefined {
  if (value >= 0.25 && value <= 96 && Number.isInteger(value * 4)) return undefined
  return {
    message: `${value} is not a Consumption CPU size`,
    hint: 'use 0.25 to 4 in steps of 0.25, with memory twice the CPU in Gi (cpu: 1, memory: 2Gi); more needs a workloadProfile'
  }
}

export function checkWorkloadProfile(value: string): Issue | undefined {
  if (value === CONSUMPTION || dedicatedType(value)) return undefined
  return {
    message: `${show(value)} is not a Container Apps workload profile type`,
    hint: `use ${CONSUMPTION} or a Dedicated type: ${DEDICATED_TYPES.map(t => t.type).join(', ')}`
  }
}

const lower = (item: unknown): string | undefined => (typeof item === 'string' ? item.toLowerCase() : undefined)

/** A pool: every runner key without its default (absent means inherited), and its own name and labels. */
function poolSpec(runnerFields: Record<string, Spec>): ObjectSpec {
  const inherited = Object.fromEntries(
    Object.entries(runnerFields).map(([key, spec]) => [key, { ...spec, default: undefined }] as const)
  )
  return {
    type: 'object',
    example: 'pools: [{ name: large, labels: [studio-large], cpu: 4, memory: 8Gi }]',
    fields: {
      name: { type: 'string', required: true, check: checkPoolName, example: 'name: large' },
      labels: {
        type: 'list',
        required: true,
        minItems: 1,
        maxItems: 20,
        items: { type: 'string', check: f.checkLabel },
        identity: lower,
        example: 'labels: [studio-large]'
      },
      ...inherited
    }
  }
}

/** `runners` with its `pools` list: each pool may set any of the other runner keys. */
export function withPools(runners: ObjectSpec): ObjectSpec {
  const pools: ListSpec = {
    type: 'list',
    minItems: 1,
    maxItems: MAX_POOLS,
    items: poolSpec(runners.fields),
    identity: item => lower((item as { name?: unknown } | null)?.name)
  }
  return { ...runners, fields: { ...runners.fields, pools } }
}

/** A runner section after validateTree: `runners` itself, or one pool. */
export interface SectionTree {
  name?: string
  labels?: string[]
  cpu?: number
  memory?: string
  max?: number
  workloadProfile?: string
  warmPool?: { size?: number; always?: boolean; schedule?: { start?: string; end?: string } }
}

export interface PoolsTree {
  github?: { labels?: string[] }
  runners?: SectionTree & { pools?: SectionTree[] }
}

type Usable = (path: string) => boolean

/** Rules between pools, and between pools and the keys they replace. */
export function checkPools(tree: PoolsTree, usable: Usable): Finding[] {
  const pools = tree.runners?.pools
  if (!pools || !usable('runners.pools')) return []
  const findings: Finding[] = []
  if (tree.github?.labels !== undefined)
    findings.push({
      path: 'github.labels',
      at: 'key',
      message: 'github.labels: not allowed with runners.pools',
      hint: 'labels go on the pools: give each pool its own labels: [...]'
    })
  if (tree.runners?.warmPool !== undefined)
    findings.push({
      path: 'runners.warmPool',
      at: 'key',
      message: 'runners.warmPool: a warm pool is never inherited by runners.pools',
      hint: 'set warmPool on the pool that should keep idle runners ready'
    })
  findings.push(...sharedLabels(pools, usable))
  return findings
}

/**
 * KEDA 2.18.1's github-runner scaler counts a queued job for every rule whose labels include all of the job's: a job
 * whose labels fit two pools would start an execution in each, and one would idle out. So label sets are disjoint.
 */
function sharedLabels(pools: SectionTree[], usable: Usable): Finding[] {
  const owner = new Map<string, number>()
  const findings: Finding[] = []
  pools.forEach((pool, i) => {
    if (!usable(`runners.pools[${i}].labels`)) return
    pool.labels?.forEach((label, j) => {
      const key = label.toLowerCase()
      const first = owner.get(key)
      if (first === undefined) {
        owner.set(key, i)
        return
      }
      if (first === i) return
      const other = pools[first]!.name ?? `runners.pools[${first}]`
      findings.push({
        path: `runners.pools[${i}].labels[${j}]`,
        at: 'value',
        message: `runners.pools[${i}].labels[${j}]: \`${label}\` is also a label of pool ${other} (runners.pools[${first}])`,
        hint: 'each pool needs labels of its own: a job asking for a shared label would start a runner in both pools'
      })
    })
  })
  return findings
}

/** The size and profile a pool runs with: its own cpu/memory when it sets either, else the runners' defaults. */
export interface SectionSize {
  cpu?: number
  memory?: string
  workloadProfile: string
  /** The key path to point at: the pool's key when it set it, else runners'. */
  at: { cpu: string; memory: string; profile: string }
}

function sizeOf(runners: SectionTree, pool: SectionTree | undefined, path: string): SectionSize {
  const own = pool !== undefined && (pool.cpu !== undefined || pool.memory !== undefined)
  const sizeFrom = own ? pool : runners
  const sizePath = own ? path : 'runners'
  const profileOwn = pool?.workloadProfile !== undefined
  return {
    cpu: sizeFrom.cpu,
    memory: sizeFrom.memory,
    workloadProfile: (profileOwn ? pool.workloadProfile : runners.workloadProfile) ?? CONSUMPTION,
    at: {
      cpu: `${sizePath}.cpu`,
      memory: `${sizePath}.memory`,
      profile: profileOwn ? `${path}.workloadProfile` : 'runners.workloadProfile'
    }
  }
}

/** Every pool's size fits its profile, and every warm pool its pool; without pools, `runners` is the one pool. */
export function checkRunnerSections(tree: PoolsTree, usable: Usable): Finding[] {
  const runners = tree.runners
  if (!runners) return []
  const pools = usable('runners.pools') ? runners.pools : undefined
  if (!pools)
    return [...checkSize(sizeOf(runners, undefined, 'runners'), usable), ...checkWarmPool(runners, 'runners', usable)]
  return pools.flatMap((pool, i) => {
    const path = `runners.pools[${i}]`
    const max = pool.max ?? runners.max
    return [
      ...checkSize(sizeOf(runners, pool, path), usable),
      ...checkWarmPool({ ...pool, max }, path, usable, pool.max === undefined ? 'runners.max' : `${path}.max`)
    ]
  })
}

export function memoryFor(cpu: number): string {
  return `${cpu * 2}Gi`
}

/** Consumption takes only its pairs; a Dedicated type what its node holds after the platform's share. */
function checkSize(size: SectionSize, usable: Usable): Finding[] {
  const { cpu, memory, workloadProfile, at } = size
  if (!usable(at.cpu) || !usable(at.memory) || !usable(at.profile)) return []
  const type = dedicatedType(workloadProfile)
  if (type) {
    const room = allocatable(type)
    const wantCpu = cpu ?? (memory !== undefined ? parseFloat(memory) / 2 : 2)
    const wantMemory = memory !== undefined ? parseFloat(memory) : wantCpu * 2
    if (wantCpu <= room.cpu && wantMemory <= room.memoryGi) return []
    return [
      {
        path: wantCpu > room.cpu ? at.cpu : at.memory,
        at: 'value',
        message: `${wantCpu > room.cpu ? at.cpu : at.memory}: ${wantCpu} vCPU / ${wantMemory}Gi does not fit a ${type.type} node's allocatable ${room.cpu} vCPU / ${room.memoryGi}Gi`,
        hint: `a ${type.type} node has ${type.cpu} vCPU / ${type.memoryGi}Gi, part of it kept by the platform; ask for at most ${room.cpu} vCPU and ${room.memoryGi}Gi, or pick a larger type (${DEDICATED_TYPES.filter(
          t => !t.gpu
        )
          .map(t => t.type)
          .join(', ')})`
      }
    ]
  }
  const pairs = CONSUMPTION_PAIRS.map(p => `${p.cpu}/${p.memoryGi}Gi`).join(', ')
  if (cpu !== undefined && !isConsumptionPair(cpu, cpu * 2)) {
    return [
      {
        path: at.cpu,
        at: 'value',
        message: `${at.cpu}: ${cpu} is not a Consumption CPU size`,
        hint: `Consumption takes these vCPU/memory pairs: ${pairs}; more needs a Dedicated workloadProfile (D8 and up)`
      }
    ]
  }
  if (cpu === undefined && memory !== undefined && !isConsumptionPair(parseFloat(memory) / 2, parseFloat(memory))) {
    return [
      {
        path: at.memory,
        at: 'value',
        message: `${at.memory}: ${memory} is not a Consumption size`,
        hint: 'memory must be twice a CPU of 0.25 to 4, so 0.5Gi to 8Gi in steps of 0.5Gi'
      }
    ]
  }
  if (cpu === undefined || memory === undefined || parseFloat(memory) === cpu * 2) return []
  return [
    {
      path: at.memory,
      at: 'value',
      message: `${at.memory}: ${memory} does not fit cpu ${cpu}; Consumption needs ${memoryFor(cpu)}`,
      hint: `set memory: ${memoryFor(cpu)}, or leave it out to get twice the CPU`
    }
  ]
}

/** A warm pool is `always` or has a schedule (not both), fits under its pool's max, and its window is not empty. */
function checkWarmPool(section: SectionTree, path: string, usable: Usable, maxPath = `${path}.max`): Finding[] {
  const pool = section.warmPool
  if (!pool || !usable(`${path}.warmPool`)) return []
  const findings: Finding[] = []
  const max = section.max === undefined ? DEFAULT_MAX : usable(maxPath) ? section.max : Infinity
  if (usable(`${path}.warmPool.size`) && pool.size !== undefined && pool.size > max)
    findings.push({
      path: `${path}.warmPool.size`,
      at: 'value',
      message: `${path}.warmPool.size: ${pool.size} is more than ${maxPath} (${max})`,
      hint: `keep the pool at or below ${maxPath}, or raise ${maxPath}`
    })
  if (pool.always === true && pool.schedule !== undefined)
    findings.push({
      path: `${path}.warmPool.always`,
      at: 'value',
      message: `${path}.warmPool: always and schedule exclude each other`,
      hint: 'keep always: true for a pool at every hour, or a schedule for working hours'
    })
  if (pool.always !== true && pool.schedule === undefined)
    findings.push({
      path: `${path}.warmPool`,
      at: 'key',
      message: `${path}.warmPool: say when the pool is held: always: true, or a schedule`,
      hint: 'e.g. schedule: { days: [mon, tue, wed, thu, fri], start: "07:00", end: "17:00", timeZone: Europe/Oslo }'
    })
  const { start, end } = pool.schedule ?? {}
  if (
    start !== undefined &&
    end !== undefined &&
    usable(`${path}.warmPool.schedule.start`) &&
    usable(`${path}.warmPool.schedule.end`) &&
    end <= start
  )
    findings.push({
      path: `${path}.warmPool.schedule.end`,
      at: 'value',
      message: `${path}.warmPool.schedule: the window ${start}–${end} is empty`,
      hint: 'end must be later than start on the same day, e.g. start: "07:00", end: "17:00"'
    })
  return findings
}
