/**
 * Finds credentials pasted into a config file: anywhere in the raw text (values, block scalars, comments),
 * plus values of keys whose name says "secret". A finding never quotes the secret.
 */
import type { Issue } from './issue.js'

interface Pattern {
  what: string
  regex: RegExp
}

const PATTERNS: Pattern[] = [
  { what: 'a private key', regex: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/g },
  { what: 'a GitHub token', regex: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}/g },
  { what: 'a GitHub token', regex: /\bgithub_pat_[A-Za-z0-9_]{20,}/g },
  { what: 'a JSON web token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g },
  // Entra ID client secrets: three characters, a digit, then `Q~` and 31-34 more.
  {
    what: 'a client secret',
    regex: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g
  }
]

const SECRET_KEY = /(secret|password|passwd|token|privatekey|private_key|apikey|api_key|clientkey)$/i

export interface SecretFinding {
  /** Character offset in the file. */
  offset: number
  issue: Issue
}

function refusal(what: string): Issue {
  return {
    message: `this looks like ${what}; never put the key in the config`,
    hint: 'store it as a Key Vault secret and reference it by github.app.privateKeySecretUri; rotate it, since this file may already be shared'
  }
}

export function findSecretsInText(text: string): SecretFinding[] {
  const findings: SecretFinding[] = []
  for (const { what, regex } of PATTERNS) {
    for (const match of text.matchAll(regex)) findings.push({ offset: match.index, issue: refusal(what) })
  }
  return findings.sort((a, b) => a.offset - b.offset)
}

/** A value under a key named like `clientSecret` or `password`, unless it is a reference (a URI). */
export function secretByKeyName(key: string, value: unknown): Issue | undefined {
  if (!SECRET_KEY.test(key) || typeof value !== 'string' || value.length < 8 || /^https:\/\//.test(value))
    return undefined
  return refusal(`a secret (\`${key}\`)`)
}
