/**
 * Injected faults. A rule matches method + path (a case-insensitive regex on the URL path) and fires
 * `times` times (forever when absent). Transport faults are applied by the server; LRO faults are
 * taken by ARM when it starts a long-running operation.
 */
export type FaultAction =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; code?: string; message?: string }
  | { kind: 'drop' }
  | { kind: 'latency'; ms: number }
  | { kind: 'lro-fail'; code: string; message: string }
  | { kind: 'lro-hang' }
  | { kind: 'lro-cancel' }

export type FaultRule = FaultAction & {
  /** HTTP method, any when absent. */
  method?: string
  /** Regex (source string or RegExp) tested against the URL path, case-insensitively. */
  path: string | RegExp
  times?: number
}

interface ActiveRule {
  rule: FaultRule
  pattern: RegExp
  remaining: number
}

export type LroFault = Extract<FaultAction, { kind: 'lro-fail' | 'lro-hang' | 'lro-cancel' }>
type TransportFault = Exclude<FaultAction, LroFault>

const LRO_KINDS = new Set(['lro-fail', 'lro-hang', 'lro-cancel'])

export class FaultBook {
  private rules: ActiveRule[] = []

  add(rule: FaultRule): void {
    const source = rule.path instanceof RegExp ? rule.path.source : rule.path
    this.rules.push({ rule, pattern: new RegExp(source, 'i'), remaining: rule.times ?? Infinity })
  }

  clear(): void {
    this.rules = []
  }

  list(): FaultRule[] {
    return this.rules.map(r => r.rule)
  }

  /** Transport faults for this request, each consuming one of its `times`. */
  takeTransport(method: string, path: string): TransportFault[] {
    return this.take(method, path, r => !LRO_KINDS.has(r.kind)) as TransportFault[]
  }

  /** The first LRO fault for the request that starts an operation, if any. */
  takeLro(method: string, path: string): LroFault | undefined {
    return this.take(method, path, r => LRO_KINDS.has(r.kind))[0] as LroFault | undefined
  }

  private take(method: string, path: string, wanted: (r: FaultRule) => boolean): FaultAction[] {
    const hits: FaultAction[] = []
    for (const active of this.rules) {
      const { rule } = active
      if (!wanted(rule) || active.remaining <= 0) continue
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue
      if (!active.pattern.test(path)) continue
      active.remaining -= 1
      hits.push(rule)
    }
    this.rules = this.rules.filter(r => r.remaining > 0)
    return hits
  }
}
