/** The hashes a saved plan records of the files it was made from: the team config and the platform policy. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { PlanSources } from '../core/types.js'

const sha256 = (file: string): string => `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`

export function planSources(configFile: string, policyFile: string | undefined): PlanSources {
  return { config: sha256(configFile), ...(policyFile ? { policy: sha256(policyFile) } : {}) }
}
