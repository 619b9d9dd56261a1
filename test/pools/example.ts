/** The runner pools example: a default pool, a large one, a private-registry one and a Dedicated one. */
import { plus } from '../config/helpers.js'

export const REGISTRY =
  '/subscriptions/00000000-0000-0000-0000-0000000000cc/resourceGroups/rg-studio-acr/providers/Microsoft.ContainerRegistry/registries/crstudio'

/** Lines 16 on: runners, then the pools (line numbers below refer to this layout). */
export const POOLS_RUNNERS = `runners:
  max: 20
  idleTimeoutMinutes: 10
  pools:
    - name: small
      labels: [minimal]
      cpu: 1
      memory: 2Gi
    - name: large
      labels: [minimal-large]
      cpu: 4
      memory: 8Gi
      max: 4
    - name: tools
      labels: [minimal-tools]
      image: crstudio.azurecr.io/runner-tools:3
      registry: ${REGISTRY}
      warmPool: { size: 1, always: true }
    - name: xl
      labels: [minimal-xl]
      cpu: 6
      memory: 24Gi
      workloadProfile: D8`

/** The minimal example with the four pools. */
export const POOLS_TEXT = plus(POOLS_RUNNERS)

/** The pools text with `from` (a whole line, without its newline) replaced by `to`. */
export function poolsWith(from: string, to: string): string {
  if (!POOLS_TEXT.includes(`${from}\n`)) throw new Error(`no line ${from}`)
  return POOLS_TEXT.replace(`${from}\n`, to === '' ? '' : `${to}\n`)
}
