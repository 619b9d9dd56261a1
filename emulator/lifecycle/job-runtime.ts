/**
 * Container Apps' event-triggered jobs, run for real on this machine. For every stored Microsoft.App/jobs with
 * `triggerType: Event` and a `github-runner` rule, a KEDA poll every `pollingInterval` (simulated) reads the queue
 * with the scaler in keda-scaler.ts and starts what KEDA's ScaledJob decision gives (scaled-job.ts: the default
 * strategy, `minExecutions` as the floor). Each execution is an ARM execution resource (Running → Succeeded/Failed,
 * or Stopped by stopExecution) and a child process: the real entrypoint bundle with the job template's env plus
 * what Container Apps injects, its URLs pointed at the emulator, and the emulated runner folder (runner-layout.ts). replicaTimeout is enforced; an execution whose
 * job is deleted or that ARM marks Stopped is killed. A killed or ended execution takes all its processes with it,
 * as a container does.
 * Polls run on simulated time: each job's polls are due every `pollingInterval` simulated seconds from its first one,
 * and the clock is paused while a poll is served, so a poll takes no simulated time (as in production, where its few
 * GitHub round trips are a small part of the interval) however long this machine takes for it. Executions' start
 * and end times (ARM's startTime/endTime) are on the simulated wall clock, like the GitHub double's job times.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { entrypointArgs, runnerPasswd, testBundle } from '../runner-entrypoint/bundle.js'
import type { Emulator } from '../index.js'
import type { GitHubAdmin } from '../github/index.js'
import type { Clock } from './clock.js'
import { createJsonHttp, type JsonHttp } from './https-json.js'
import { CONTAINER_MARKER, killContainer } from './container-processes.js'
import { GitHubRunnerScaler, parseScalerMetadata, type PollResult } from './keda-scaler.js'
import { nodeFor, writeRunnerLayout } from './runner-layout.js'
import { parseSecretUri } from './seed-github.js'
import { executionsToStart } from './scaled-job.js'
import { imagePullError } from './image-pull.js'

const JOB_TYPE = 'Microsoft.App/jobs'
/** What the runner's listener prints once connected and waiting for a job (actions/runner's Runner.Listener). */
const RUNNER_LISTENING = 'Listening for Jobs'

type Wire = Record<string, unknown>
const obj = (v: unknown): Wire => (v !== null && typeof v === 'object' ? (v as Wire) : {})

export type ExecutionStatus = 'Running' | 'Succeeded' | 'Failed' | 'Stopped'

export interface ExecutionRecord {
  jobId: string
  name: string
  id: string
  status: ExecutionStatus
  /** Real ms (Date.now) of the KEDA poll's decision that started it. */
  decidedAt: number
  /** Simulated ms (clock.now()) of that decision. */
  decidedSimAt: number
  /** ARM's startTime and endTime (simulated wall clock, ISO). */
  startTime: string
  endTime?: string
  /** Real ms (Date.now) its process was spawned; a burst spawns one after another, so this trails decidedAt. */
  startedAt: number
  /** The entrypoint's process (PID 1 of the container). */
  pid?: number
  endedAt?: number
  exitCode?: number
  reason?: 'replicaTimeout' | 'stopped'
  output: string
}

export interface PollRecord extends PollResult {
  jobId: string
  /** Real ms (Date.now) the poll started. */
  at: number
  /** Simulated ms (clock.now()) of the poll; the clock stands still while it is served. */
  simAt: number
  running: number
  started: number
  error?: string
}

export interface RuntimeOptions {
  emulator: Emulator
  github: GitHubAdmin
  clock: Clock
  /** The runner entrypoint bundle; default the shipped main built with test options (test-bundle.ts). */
  entrypoint?: string
  /** Extra environment for every runner (RUNNER_FAKE_* switches of the emulated listener). */
  runnerEnv?: Record<string, string>
  /** How often (real ms) the runtime looks for new jobs and stopped executions. Default 10. */
  tickMs?: number
  /** Called at the scaling decision, before the executions it starts. */
  onPoll?: (poll: PollRecord) => void
  /**
   * No runner takes a job while the scaler lists a repository's queued and in_progress runs, so no run moves from
   * queued to in_progress between KEDA's two calls: a real race that makes KEDA count it twice, whose rate here
   * would follow this machine's speed, not production's. Tests that count executions exactly and the benchmark set it.
   */
  holdAssignmentDuringPolls?: boolean
  onExecution?: (execution: ExecutionRecord) => void
}

interface JobState {
  id: string
  nextPollAt: number
  polling: boolean
  scaler?: GitHubRunnerScaler
  scalerKey?: string
}

export class JobRuntime {
  readonly executions: ExecutionRecord[] = []
  readonly polls: PollRecord[] = []
  private readonly jobs = new Map<string, JobState>()
  /** Each live execution's process, and the simulated instant its replicaTimeout ends it. */
  private readonly children = new Map<string, { child: ChildProcess; deadline: number; exited: Promise<void> }>()
  private readonly http: JsonHttp
  private readonly dir = mkdtempSync(join(tmpdir(), 'rs-lifecycle-'))
  /** The Node that runs each runner's listener, inside `dir` (the checkout's may be out of the runner's reach). */
  private readonly node: string
  private readonly passwdFile: string
  private readonly entrypoint: string
  /** The emulator's CA, where the runner user can read it. */
  private readonly caPath: string
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly options: RuntimeOptions) {
    this.http = createJsonHttp(options.emulator.caPem)
    chmodSync(this.dir, 0o755) // the runner user (another uid when the tests run as root) reads its folder here
    this.node = nodeFor(this.dir)
    mkdirSync(join(this.dir, 'executions'))
    chmodSync(join(this.dir, 'executions'), 0o755)
    mkdirSync(join(this.dir, 'etc'))
    this.passwdFile = join(this.dir, 'etc', 'passwd')
    runnerPasswd(this.passwdFile, this.dir)
    this.entrypoint = options.entrypoint ?? testBundle()
    this.caPath = join(this.dir, 'ca.pem')
    copyFileSync(options.emulator.caPath, this.caPath)
    chmodSync(this.caPath, 0o644)
  }

  start(): void {
    const tick = (): void => {
      this.tick()
      this.timer = setTimeout(tick, this.options.tickMs ?? 10)
    }
    tick()
  }

  /** Stops polling and kills every execution still running. */
  async stop(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.options.clock.limit(undefined)
    for (const [name, entry] of this.children) {
      this.record(name).reason ??= 'stopped'
      entry.child.kill('SIGKILL')
      killContainer(name)
    }
    await Promise.all([...this.children.values()].map(c => c.exited))
    rmSync(this.dir, { recursive: true, force: true })
  }

  running(jobId?: string): ExecutionRecord[] {
    return this.executions.filter(
      e => e.status === 'Running' && (jobId === undefined || e.jobId.toLowerCase() === jobId.toLowerCase())
    )
  }

  private record(name: string): ExecutionRecord {
    return this.executions.find(e => e.name === name)!
  }

  private tick(): void {
    const { admin } = this.options.emulator
    const now = this.options.clock.now()
    const ids = admin.listResourceIds(JOB_TYPE)
    for (const id of ids)
      if (!this.jobs.has(id.toLowerCase())) this.jobs.set(id.toLowerCase(), { id, nextPollAt: now, polling: false })
    for (const [key, job] of this.jobs) {
      if (!ids.some(id => id.toLowerCase() === key)) this.jobs.delete(key)
      else if (!job.polling && job.nextPollAt <= now) void this.poll(job)
    }
    // Simulated time waits at the next due poll, however late this machine gets to it.
    const due = [...this.jobs.values()].filter(j => !j.polling).map(j => j.nextPollAt)
    this.options.clock.limit(due.length > 0 ? Math.min(...due) : undefined)
    // ARM is the truth: an execution stopped through the API, or whose job is gone, ends now.
    for (const execution of this.running()) {
      const stored = admin.getResource(execution.id)
      const jobGone = admin.getResource(execution.jobId) === undefined
      if (jobGone || stored === undefined || obj(stored.properties).status === 'Stopped')
        this.kill(execution, 'stopped')
      else if (now >= (this.children.get(execution.name)?.deadline ?? Infinity)) this.kill(execution, 'replicaTimeout')
    }
  }

  private async poll(job: JobState): Promise<void> {
    const wire = this.options.emulator.admin.getResource(job.id)
    const properties = obj(wire?.properties)
    const configuration = obj(properties.configuration)
    const scale = obj(obj(configuration.eventTriggerConfig).scale)
    const rule = (Array.isArray(scale.rules) ? (scale.rules as Wire[]) : []).find(r => r.type === 'github-runner')
    const pollingSeconds = Number(scale.pollingInterval ?? 30) || 30
    const { clock } = this.options
    // Due on the job's own grid in simulated time; a tick that came late does not shift the next poll.
    job.nextPollAt = Math.max(job.nextPollAt + pollingSeconds * 1000, clock.now())
    if (!wire || configuration.triggerType !== 'Event' || !rule || properties.provisioningState !== 'Succeeded') return
    job.polling = true
    const resume = clock.pause()
    const record: PollRecord = {
      jobId: job.id,
      at: Date.now(),
      simAt: clock.now(),
      queueLength: 0,
      isActive: false,
      requests: 0,
      notModified: 0,
      countedTwice: 0,
      running: 0,
      started: 0
    }
    // Running executions as of the poll's start: Kubernetes' job status lags a container's exit, and with a fast
    // clock the poll's real HTTP time would otherwise let a runner that just finished look like a missing one.
    const running = this.running(job.id).length
    try {
      const scaler = await this.scalerFor(job, configuration, rule)
      Object.assign(record, await scaler.poll())
      record.running = running
      record.started = executionsToStart({
        queueLength: record.queueLength,
        scalerActive: record.isActive,
        target: scaler.metadata.targetWorkflowQueueLength,
        minExecutions: Number(scale.minExecutions ?? 0),
        maxExecutions: Number(scale.maxExecutions ?? 100),
        running
      })
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error)
    } finally {
      job.polling = false
      this.polls.push(record)
      this.options.onPoll?.(record)
    }
    // After the decision is recorded, so whoever watches sees the poll before the executions it started; at
    // the poll's simulated instant (the clock resumes after them).
    const decidedAt = Date.now()
    try {
      for (let i = 0; i < record.started; i++) this.startExecution(job.id, wire, decidedAt, record.simAt)
    } finally {
      resume()
    }
  }

  /** One scaler per rule, kept across polls (its ETag cache and token live there), rebuilt when the rule changes. */
  private async scalerFor(job: JobState, configuration: Wire, rule: Wire): Promise<GitHubRunnerScaler> {
    const key = JSON.stringify([rule, configuration.secrets])
    if (job.scaler && job.scalerKey === key) return job.scaler
    const metadata = parseScalerMetadata(obj(rule.metadata) as Record<string, string>)
    const auth: { appKey?: string; personalAccessToken?: string } = {}
    for (const entry of Array.isArray(rule.auth) ? (rule.auth as Wire[]) : []) {
      const secret = (configuration.secrets as Wire[] | undefined)?.find(s => s.name === entry.secretRef)
      if (!secret)
        throw new Error(`scale rule auth names secret ${String(entry.secretRef)}, which the job does not define`)
      const value =
        typeof secret.value === 'string'
          ? secret.value
          : await this.readKeyVaultSecret(String(secret.keyVaultUrl), String(secret.identity))
      if (entry.triggerParameter === 'appKey') auth.appKey = value
      if (entry.triggerParameter === 'personalAccessToken') auth.personalAccessToken = value
    }
    const { github, holdAssignmentDuringPolls } = this.options
    job.scaler = new GitHubRunnerScaler(
      { ...metadata, githubApiURL: this.apiUrl(metadata.githubApiURL) },
      auth,
      this.http,
      Date.now,
      holdAssignmentDuringPolls ? () => github.workflows.holdAssignment() : undefined
    )
    job.scalerKey = key
    return job.scaler
  }

  /** As Container Apps does for a secret reference: the job's identity gets a Key Vault token and reads the secret. */
  private async readKeyVaultSecret(keyVaultUrl: string, identityId: string): Promise<string> {
    const clientId = this.identityClientId(identityId)
    const { url } = this.options.emulator
    const token = await this.http(
      'GET',
      `${url}${this.options.github.identityPath}?api-version=2019-08-01&resource=${encodeURIComponent('https://vault.azure.net')}&client_id=${clientId}`,
      {
        headers: { 'x-identity-header': this.options.github.identities.header }
      }
    )
    const secret = await this.http('GET', `${this.keyVaultUrl(keyVaultUrl)}?api-version=7.4`, {
      headers: { authorization: `Bearer ${(token.body as { access_token?: string }).access_token}` }
    })
    const value = (secret.body as { value?: string } | undefined)?.value
    if (secret.status !== 200 || !value)
      throw new Error(
        `Key Vault secret ${keyVaultUrl} could not be read with identity ${identityId}: HTTP ${secret.status}`
      )
    return value
  }

  /**
   * The identity endpoint serves the job's user-assigned identity (by the client id ARM gave it). Its Key Vault
   * grant stands for the role assignment apply made: Container Apps refused the job PUT without one.
   */
  private identityClientId(identityId: string): string {
    const identity = obj(this.options.emulator.admin.getResource(identityId)?.properties)
    const clientId = String(identity.clientId)
    const principalId = String(identity.principalId)
    this.options.github.identities.identities.set(clientId, { principalId })
    for (const job of this.options.emulator.admin.listResourceIds(JOB_TYPE)) {
      const secrets = obj(obj(this.options.emulator.admin.getResource(job)?.properties).configuration).secrets
      for (const s of Array.isArray(secrets) ? (secrets as Wire[]) : []) {
        if (String(s.identity).toLowerCase() !== identityId.toLowerCase() || typeof s.keyVaultUrl !== 'string') continue
        const { vault, name } = parseSecretUri(s.keyVaultUrl)
        this.options.github.keyVaults.grant(principalId, vault, name)
      }
    }
    return clientId
  }

  /** https://api.github.com → the double's github.com-style base; https://host/api/v3 → its GHES-style base. */
  private apiUrl(apiUrl: string): string {
    const path = new URL(apiUrl).pathname.replace(/\/+$/, '')
    return `${this.options.emulator.url}/github${path === '' ? '/api' : path}`
  }

  private keyVaultUrl(uri: string): string {
    const { vault, name, version } = parseSecretUri(uri)
    return `${this.options.emulator.url}/keyvault/${vault}/secrets/${name}${version ? `/${version}` : ''}`
  }

  private startExecution(jobId: string, wire: Wire, decidedAt: number, decidedSimAt: number): void {
    const { admin } = this.options.emulator
    const { clock } = this.options
    const jobName = String(wire.name)
    const name = `${jobName}-${randomUUID().replace(/-/g, '').slice(0, 7)}`
    const id = `${jobId}/executions/${name}`
    const properties = obj(wire.properties)
    const template = obj(properties.template)
    const startTime = new Date(clock.epochMs()).toISOString()
    admin.seed(id, { properties: { status: 'Running', startTime, template } })
    const execution: ExecutionRecord = {
      jobId,
      name,
      id,
      status: 'Running',
      decidedAt,
      decidedSimAt,
      startTime,
      startedAt: Date.now(),
      output: ''
    }
    this.executions.push(execution)
    this.options.onExecution?.(execution)
    const pullError = imagePullError(admin, properties)
    if (pullError) return this.failToPull(execution, pullError)

    const container = obj((template.containers as Wire[] | undefined)?.[0])
    const env = this.containerEnv(container, name, jobName, properties)
    // Each execution its own runner folder, as each container has its own image's.
    const runSh = writeRunnerLayout(join(this.dir, 'executions', name), this.node)
    const args = entrypointArgs(this.entrypoint, {
      runnerDir: dirname(runSh),
      passwdFile: this.passwdFile,
      retryBaseMs: 5,
      retryMaxMs: 50,
      stopGraceMs: 500
    })
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    execution.pid = child.pid
    // The clock waits for the work it started: until the runner listens for jobs (or the execution ends), the real
    // time this machine takes to start the container's processes is not simulated time. Otherwise a loaded machine
    // turns seconds of process start-up into simulated minutes, and its speed, not the model, decides outcomes.
    const resumeClock = clock.pause()
    const onOutput = (c: Buffer): void => {
      execution.output += c.toString()
      if (execution.output.includes(RUNNER_LISTENING)) resumeClock()
    }
    child.stdout!.on('data', onOutput)
    child.stderr!.on('data', onOutput)
    // On simulated time, like the job it runs: checked every tick.
    const deadline = clock.now() + Number(obj(properties.configuration).replicaTimeout ?? 1800) * 1000
    const exited = new Promise<void>(done =>
      child.once('close', (code, signal) => {
        resumeClock()
        this.children.delete(name)
        killContainer(name) // PID 1 is gone: so is the container, with whatever it still ran
        this.options.github.workflows.runnerGone(name)
        execution.endedAt = Date.now()
        execution.exitCode = code ?? 128 + (signal ? 9 : 0)
        const stopped = execution.reason === 'stopped'
        execution.status = stopped ? 'Stopped' : execution.exitCode === 0 && !execution.reason ? 'Succeeded' : 'Failed'
        execution.endTime = new Date(clock.epochMs()).toISOString()
        if (admin.getResource(id) !== undefined)
          admin.patchResource(id, { properties: { status: execution.status, endTime: execution.endTime } })
        this.options.onExecution?.(execution)
        done()
      })
    )
    this.children.set(name, { child, deadline, exited })
  }

  /** The replica never starts: the execution fails with the pull error, as Container Apps' system log shows it. */
  private failToPull(execution: ExecutionRecord, error: string): void {
    execution.status = 'Failed'
    execution.output = error
    execution.endedAt = Date.now()
    execution.endTime = new Date(this.options.clock.epochMs()).toISOString()
    this.options.emulator.admin.patchResource(execution.id, {
      properties: { status: 'Failed', endTime: execution.endTime }
    })
    this.options.onExecution?.(execution)
  }

  /** SIGTERM as Container Apps sends it, SIGKILL after a short grace. */
  private kill(execution: ExecutionRecord, reason: 'replicaTimeout' | 'stopped'): void {
    const entry = this.children.get(execution.name)
    if (!entry || execution.reason) return
    execution.reason = reason
    entry.child.kill('SIGTERM')
    setTimeout(() => {
      entry.child.kill('SIGKILL')
      killContainer(execution.name)
    }, 2000).unref()
  }

  /** The template's env with URLs pointed at the emulator, plus the image's ENV and what Container Apps injects. */
  private containerEnv(
    container: Wire,
    executionName: string,
    jobName: string,
    properties: Wire
  ): Record<string, string> {
    const { emulator, github, clock } = this.options
    const env: Record<string, string> = {}
    for (const e of Array.isArray(container.env) ? (container.env as Wire[]) : [])
      if (typeof e.value === 'string') env[String(e.name)] = e.value
    if (env.RUNNER_SETUP_GITHUB_API_URL) env.RUNNER_SETUP_GITHUB_API_URL = this.apiUrl(env.RUNNER_SETUP_GITHUB_API_URL)
    if (env.RUNNER_SETUP_KEY_SECRET_URI)
      env.RUNNER_SETUP_KEY_SECRET_URI = this.keyVaultUrl(env.RUNNER_SETUP_KEY_SECRET_URI)
    if (env.RUNNER_SETUP_IDLE_TIMEOUT_SECONDS)
      env.RUNNER_SETUP_IDLE_TIMEOUT_SECONDS = String(
        clock.realMs(Number(env.RUNNER_SETUP_IDLE_TIMEOUT_SECONDS) * 1000) / 1000
      )
    const identity = Object.keys(obj(obj(properties.identity ?? {}).userAssignedIdentities))[0]
    if (identity) this.identityClientId(identity)
    return {
      ...env,
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // The official runner image's ENV.
      RUNNER_MANUALLY_TRAP_SIG: '1',
      ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: '1',
      NODE_EXTRA_CA_CERTS: this.caPath,
      IDENTITY_ENDPOINT: `${emulator.url}${github.identityPath}`,
      IDENTITY_HEADER: github.identities.header,
      CONTAINER_APP_JOB_NAME: jobName,
      CONTAINER_APP_JOB_EXECUTION_NAME: executionName,
      CONTAINER_APP_REPLICA_NAME: `${executionName}-replica`,
      [CONTAINER_MARKER]: executionName,
      RUNNER_FAKE_POLL_MS: String(Math.max(5, Math.round(clock.realMs(1000)))),
      ...this.options.runnerEnv
    }
  }
}
