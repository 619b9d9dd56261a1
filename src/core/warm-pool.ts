/**
 * The warm pool: `size` idle runners kept ready, always or inside a weekly window in a time zone. Container Apps
 * realises it as the job's `minExecutions`, which is KEDA's ScaledJob `minReplicaCount` (KEDA 2.18.1
 * pkg/scaling/executor/scale_jobs.go): while fewer executions run than the floor, a poll starts the difference
 * whatever the queue; once the floor runs, queued jobs start executions on top of it, up to `maxExecutions` in all.
 * Container Apps jobs accept no `cron` scale rule (microsoft/azure-container-apps#1242), so a schedule is the floor
 * set by apply: `size` inside the window, 0 outside. Pure: the time is a parameter.
 */
import type { TeamConfig, WarmPoolConfig } from '../config/types.js'
import { teamLayout } from './layout.js'
import { costOf, type PriceTable } from './prices.js'

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Day = (typeof DAYS)[number]

/** The floor of executions at `at` (ms since the epoch): the pool's size inside its window, else 0. */
export function poolFloor(config: TeamConfig, at: number): number {
  const pool = config.runners.warmPool
  if (!pool) return 0
  return pool.always || inWindow(pool, at) ? pool.size : 0
}

/** Whether `at` falls inside the schedule: on one of its days, from `start` (inclusive) to `end`, local time. */
export function inWindow(pool: WarmPoolConfig, at: number): boolean {
  if (!pool.schedule) return false
  const { day, minutes } = localTime(at, pool.schedule.timeZone)
  const start = minutesOf(pool.schedule.start)
  const end = minutesOf(pool.schedule.end)
  return pool.schedule.days.includes(day) && minutes >= start && minutes < end
}

/** Hours per month the pool is held: every hour for `always`, else the window's hours × its days × 52/12 weeks. */
export function poolHoursPerMonth(pool: WarmPoolConfig): number {
  if (pool.always || !pool.schedule) return (365.25 * 24) / 12
  const hours = (minutesOf(pool.schedule.end) - minutesOf(pool.schedule.start)) / 60
  return (hours * pool.schedule.days.length * 365.25) / 7 / 12
}

export interface PoolCost {
  size: number
  /** Container Apps jobs holding a pool each: 1 at org scope, one per repository at repo scope. */
  jobs: number
  hoursPerMonth: number
  vcpuSeconds: number
  gibSeconds: number
  amount: number
  currency: string
}

/**
 * What the pool costs per month: `size` runners of the job's size held for the window's hours. Each idle runner
 * stops after idleTimeoutMinutes and is replaced at the next poll, so the pool is held all but those gaps.
 */
export function poolMonthlyCost(config: TeamConfig, prices: PriceTable): PoolCost | undefined {
  const pool = config.runners.warmPool
  if (!pool) return undefined
  const hoursPerMonth = poolHoursPerMonth(pool)
  const jobs = teamLayout(config).jobs.length
  const seconds = jobs * pool.size * hoursPerMonth * 3600
  const usage = { vcpuSeconds: seconds * config.runners.cpu, gibSeconds: seconds * parseFloat(config.runners.memory) }
  return {
    size: pool.size,
    jobs,
    hoursPerMonth: Math.round(hoursPerMonth),
    vcpuSeconds: Math.round(usage.vcpuSeconds),
    gibSeconds: Math.round(usage.gibSeconds),
    amount: Math.round(costOf(usage, prices) * 100) / 100,
    currency: prices.currency
  }
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h! * 60 + m!
}

function localTime(at: number, timeZone: string): { day: Day; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(at))
  const get = (type: string): string => parts.find(p => p.type === type)!.value
  return {
    day: get('weekday').toLowerCase().slice(0, 3) as Day,
    minutes: Number(get('hour')) * 60 + Number(get('minute'))
  }
}
