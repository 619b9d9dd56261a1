/**
 * In-memory GitHub: orgs, repositories, Apps with their public keys, installations, runner groups, runners and
 * issued installation tokens. Kept apart from the HTTP layer so later work can add workflow runs, jobs and a queue.
 */
import { randomBytes } from 'node:crypto'

export interface Org {
  login: string
  id: number
}

export interface Repo {
  id: number
  owner: string
  name: string
  private: boolean
}

export interface App {
  id: number
  clientId: string
  slug: string
  publicKeyPem: string
}

export type Permissions = Record<string, 'read' | 'write'>

export interface Installation {
  id: number
  appId: number
  account: string
  permissions: Permissions
  repositorySelection: 'all' | 'selected'
  /** Repository names when the selection is `selected`. */
  repositories: string[]
}

export interface RunnerGroup {
  id: number
  org: string
  name: string
  visibility: 'all' | 'selected' | 'private'
  default: boolean
  allowsPublicRepositories: boolean
  selectedRepositoryIds: number[]
  /** A GitHub-hosted runner group: self-hosted registrations are refused with 403. */
  hosted: boolean
}

export type RunnerScope = { org: string } | { owner: string; repo: string }

export interface Runner {
  id: number
  name: string
  os: string
  status: 'online' | 'offline'
  busy: boolean
  labels: string[]
  runnerGroupId: number
  scope: RunnerScope
  ephemeral: boolean
}

export interface IssuedToken {
  token: string
  installationId: number
  permissions: Permissions
  /** Repository names the token is narrowed to; undefined = every repository of the installation. */
  repositories?: string[]
  expiresAtMs: number
}

const key = (...parts: string[]): string => parts.join('/').toLowerCase()

export class GitHubState {
  readonly orgs = new Map<string, Org>()
  readonly repos = new Map<string, Repo>()
  readonly apps = new Map<number, App>()
  readonly installations = new Map<number, Installation>()
  readonly runnerGroups = new Map<string, RunnerGroup[]>()
  readonly runners = new Map<number, Runner>()
  readonly tokens = new Map<string, IssuedToken>()
  private nextId = 100

  constructor(readonly now: () => number = Date.now) {}

  newId(): number {
    return this.nextId++
  }

  /** An org comes with its `Default` runner group (id 1, all repositories, private ones only). */
  addOrg(login: string): Org {
    const org = { login, id: this.newId() }
    this.orgs.set(key(login), org)
    this.runnerGroups.set(key(login), [
      {
        id: 1,
        org: login,
        name: 'Default',
        visibility: 'all',
        default: true,
        allowsPublicRepositories: false,
        selectedRepositoryIds: [],
        hosted: false
      }
    ])
    return org
  }

  org(login: string): Org | undefined {
    return this.orgs.get(key(login))
  }

  addRepo(owner: string, name: string, options: { private?: boolean } = {}): Repo {
    if (!this.org(owner)) this.addOrg(owner)
    const repo = { id: this.newId(), owner, name, private: options.private ?? true }
    this.repos.set(key(owner, name), repo)
    return repo
  }

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(key(owner, name))
  }

  addApp(publicKeyPem: string, id = this.newId()): App {
    const app = { id, clientId: `Iv23${randomBytes(8).toString('hex')}`, slug: `app-${id}`, publicKeyPem }
    this.apps.set(id, app)
    return app
  }

  addInstallation(options: {
    appId: number
    account: string
    permissions: Permissions
    repositories?: string[]
    id?: number
  }): Installation {
    const installation: Installation = {
      id: options.id ?? this.newId(),
      appId: options.appId,
      account: options.account,
      permissions: options.permissions,
      repositorySelection: options.repositories ? 'selected' : 'all',
      repositories: options.repositories ?? []
    }
    this.installations.set(installation.id, installation)
    return installation
  }

  addRunnerGroup(
    org: string,
    options: {
      name: string
      visibility?: RunnerGroup['visibility']
      allowsPublicRepositories?: boolean
      repositories?: string[]
      hosted?: boolean
    }
  ): RunnerGroup {
    const group: RunnerGroup = {
      id: this.newId(),
      org,
      name: options.name,
      visibility: options.visibility ?? (options.repositories ? 'selected' : 'all'),
      default: false,
      allowsPublicRepositories: options.allowsPublicRepositories ?? false,
      selectedRepositoryIds: (options.repositories ?? []).map(
        name => this.repo(org, name)?.id ?? this.addRepo(org, name).id
      ),
      hosted: options.hosted ?? false
    }
    this.groupsOf(org).push(group)
    return group
  }

  groupsOf(org: string): RunnerGroup[] {
    const groups = this.runnerGroups.get(key(org))
    if (!groups) throw new Error(`no org ${org}`)
    return groups
  }

  addRunner(options: Omit<Runner, 'id' | 'os' | 'status' | 'busy' | 'ephemeral'> & Partial<Runner>): Runner {
    const runner: Runner = {
      id: this.newId(),
      os: 'Linux',
      status: 'offline',
      busy: false,
      ephemeral: true,
      ...options
    }
    this.runners.set(runner.id, runner)
    return runner
  }

  runnersIn(scope: RunnerScope): Runner[] {
    return [...this.runners.values()].filter(r => sameScope(r.scope, scope))
  }

  issueToken(installationId: number, permissions: Permissions, repositories?: string[]): IssuedToken {
    const issued = {
      token: `ghs_${randomBytes(18).toString('hex')}`,
      installationId,
      permissions,
      repositories,
      expiresAtMs: this.now() + 3600_000
    }
    this.tokens.set(issued.token, issued)
    return issued
  }
}

export function sameScope(a: RunnerScope, b: RunnerScope): boolean {
  if ('org' in a && 'org' in b) return key(a.org) === key(b.org)
  if ('repo' in a && 'repo' in b) return key(a.owner, a.repo) === key(b.owner, b.repo)
  return false
}
