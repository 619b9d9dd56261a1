/** The report's options as both doors give them (CLI flags, action inputs): one parser, so both refuse the same. */
import type { ReportOptions } from '../usage/collect-report.js'
import { DEFAULT_REPORT_DAYS, DEFAULT_WAIT_THRESHOLD_SECONDS } from './settings.js'

export interface RawReportOptions {
  days?: string
  waitThreshold?: string
  priceVcpuSecond?: string
  priceGibSecond?: string
  githubApiUrl?: string
}

/** `name` turns an option key into how the door spells it (`--days`, `Input 'days'`); `fail` builds its error. */
export function parseReportOptions(
  raw: RawReportOptions,
  name: (key: keyof RawReportOptions) => string,
  fail: (message: string) => Error
): ReportOptions {
  const number = (key: keyof RawReportOptions, min: number, max: number, integer: boolean): number | undefined => {
    const text = raw[key]
    if (text === undefined || text === '') return undefined
    const value = Number(text)
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
      throw fail(
        `${name(key)} is '${text}'; expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`
      )
    return value
  }
  const vcpuSecond = number('priceVcpuSecond', 0, 1, false)
  const gibSecond = number('priceGibSecond', 0, 1, false)
  const price = {
    ...(vcpuSecond !== undefined ? { vcpuSecond } : {}),
    ...(gibSecond !== undefined ? { gibSecond } : {})
  }
  return {
    days: number('days', 1, 90, true) ?? DEFAULT_REPORT_DAYS,
    thresholdSeconds: number('waitThreshold', 1, 86_400, true) ?? DEFAULT_WAIT_THRESHOLD_SECONDS,
    ...(Object.keys(price).length > 0 ? { price } : {}),
    ...(raw.githubApiUrl ? { githubApiUrl: raw.githubApiUrl } : {})
  }
}
