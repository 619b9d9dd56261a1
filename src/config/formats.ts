/** Checks for single string values: names, ids, URLs and references. Each returns an Issue or undefined. */
import { parseIpv4 } from './cidr.js'
import { show, type Issue } from './issue.js'

export function checkTeamName(value: string): Issue | undefined {
  if (value.length >= 2 && value.length <= 20 && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(value)) return undefined
  return {
    message: `${show(value)} must be 2-20 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen`,
    hint: 'the team name goes into every Azure resource name, e.g. team: studio'
  }
}

export function checkGuid(value: string): Issue | undefined {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return undefined
  return {
    message: `${show(value)} is not a subscription id (a GUID)`,
    hint: 'az account show --query id -o tsv prints it'
  }
}

export function checkResourceGroupName(value: string): Issue | undefined {
  if (/^[-\w.()]{1,90}$/.test(value) && !value.endsWith('.')) return undefined
  return {
    message: `${show(value)} is not a valid resource group name`,
    hint: 'use 1-90 letters, digits, -, _, ., ( or ), not ending with a period'
  }
}

export function checkLocation(value: string): Issue | undefined {
  if (/^[a-z][a-z0-9]*$/.test(value)) return undefined
  return {
    message: `${show(value)} is not an Azure region name`,
    hint: 'use the short lowercase name, e.g. norwayeast (az account list-locations -o table)'
  }
}

export function checkIpv4Address(value: string): Issue | undefined {
  if (parseIpv4(value) !== undefined) return undefined
  return { message: `${show(value)} is not an IPv4 address`, hint: 'e.g. 10.20.0.4' }
}

/** Web URL of GitHub or a GitHub Enterprise Server: https, a host, no path, query or credentials. */
export function checkGitHubUrl(value: string): Issue | undefined {
  const issue = {
    message: `${show(value)} must be an https URL without a path`,
    hint: 'e.g. https://github.com or https://github.example.com for GitHub Enterprise Server'
  }
  if (!URL.canParse(value)) return issue
  const url = new URL(value)
  const bare =
    url.protocol === 'https:' && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  return bare && /^https:\/\/[^/]+\/?$/.test(value) ? undefined : issue
}

export function normalizeGitHubUrl(value: string): string {
  return value.replace(/\/+$/, '').toLowerCase()
}

/** REST API base: github.com, GHE.com data residency (`<name>.ghe.com`) and GitHub Enterprise Server differ. */
export function gitHubApiUrl(webUrl: string): string {
  const host = new URL(webUrl).host
  if (host === 'github.com') return 'https://api.github.com'
  if (/^[^.]+\.ghe\.com$/.test(host)) return `https://api.${host}`
  return `${webUrl}/api/v3`
}

export function checkGitHubLogin(value: string): Issue | undefined {
  if (/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(value)) return undefined
  return {
    message: `${show(value)} is not a GitHub organization or user name`,
    hint: 'use the name from the URL, e.g. owner: altinn for https://github.com/altinn'
  }
}

export function checkRepoName(value: string): Issue | undefined {
  if (/^[A-Za-z0-9._-]{1,100}$/.test(value) && value !== '.' && value !== '..') return undefined
  const hint = value.includes('/')
    ? 'list the repository name only; the owner comes from github.owner'
    : 'use letters, digits, ., _ and - (at most 100)'
  return { message: `${show(value)} is not a repository name`, hint }
}

/** Labels every runner fleet answers to; a team runner carrying one would take other teams' jobs. */
const SHARED_LABEL = /^(self-hosted|linux|windows|macos|osx|x64|x86|arm|arm64|ubuntu|ubuntu-.*|windows-.*|macos-.*)$/i

export function checkLabel(value: string): Issue | undefined {
  if (!/^[A-Za-z0-9._-]{1,50}$/.test(value))
    return { message: `${show(value)} is not a valid label`, hint: 'use 1-50 letters, digits, ., _ and -' }
  if (SHARED_LABEL.test(value)) {
    return {
      message: `${show(value)} is a label other runners also carry`,
      hint: "jobs asking for it could run on other runners, or other teams' jobs on yours; use the team label"
    }
  }
  return undefined
}

export function checkRunnerGroupName(value: string): Issue | undefined {
  const printable = [...value].every(char => char >= ' ')
  if (printable && value.length >= 1 && value.length <= 64 && value.trim() === value) return undefined
  return {
    message: `${show(value)} is not a valid runner group name`,
    hint: 'use 1-64 printable characters without leading or trailing spaces'
  }
}

const SECRET_URI =
  /^https:\/\/([A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9])\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)\/secrets\/([A-Za-z0-9-]{1,127})(?:\/([0-9a-f]{32}))?$/

/** Vault name from a Key Vault secret URI, or undefined when the URI is not one. */
export function vaultNameOf(uri: string): string | undefined {
  const m = SECRET_URI.exec(uri)
  return m && !m[1].includes('--') ? m[1].toLowerCase() : undefined
}

export function checkSecretUri(value: string): Issue | undefined {
  if (vaultNameOf(value) !== undefined) return undefined
  return {
    message: `${show(value)} is not a Key Vault secret URI`,
    hint: 'expected https://<vault>.vault.azure.net/secrets/<name>[/<version>], with a 3-24 character vault name'
  }
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const IMAGE = new RegExp(
  `^(?:[A-Za-z0-9.-]+\\.[A-Za-z0-9.-]+|localhost)(?::\\d{1,5})?(?:/${COMPONENT})+(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`
)

export function checkImage(value: string): Issue | undefined {
  if (IMAGE.test(value)) return undefined
  return {
    message: `${show(value)} is not a full container image reference`,
    hint: 'use registry/repository[:tag|@sha256:digest], e.g. ghcr.io/altinn/runner-setup/runner:1'
  }
}

export function checkHostPort(value: string): Issue | undefined {
  const m =
    /^((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*):(\d{1,5})$/.exec(
      value
    )
  const port = m ? Number(m[2]) : 0
  if (m && m[1].length <= 253 && port >= 1 && port <= 65535) return undefined
  return { message: `${show(value)} is not host:port`, hint: 'e.g. pg-studio.postgres.database.azure.com:5432' }
}
