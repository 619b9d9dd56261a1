/**
 * The emulator is one HTTPS server made of services. Each service looks at a request and either
 * answers it or returns undefined ("not mine"), so ARM, Entra, the Actions ID-token endpoint,
 * GitHub, managed identity and Key Vault can be developed and tested apart, yet share one port and CA.
 */
import type { IncomingHttpHeaders } from 'node:http'

export interface EmuRequest {
  method: string
  /** Full URL, including the query string. */
  url: URL
  headers: IncomingHttpHeaders
  /** Parsed JSON (or form fields for `application/x-www-form-urlencoded`), undefined when there is no body. */
  body: unknown
  rawBody: string
  /** The body's bytes, for binary uploads (a blob PUT). */
  rawBytes?: Buffer
}

export interface EmuResponse {
  status: number
  headers?: Record<string, string>
  /** Serialized as JSON unless it is a string. */
  body?: unknown
}

export interface Service {
  name: string
  handle(req: EmuRequest): Promise<EmuResponse | undefined> | EmuResponse | undefined
}
