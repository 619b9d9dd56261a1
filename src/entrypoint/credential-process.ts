/**
 * The App key, the App JWT and the installation token never enter PID 1's memory: each registration call runs in a
 * short-lived child process (the same bundle, root, PID 1's environment), which hands back only the JIT config or
 * the deregistration's answer and exits. JavaScript strings cannot be wiped, and a garbage-collected heap keeps
 * freed copies, so a separate address space that ends is the only way to be sure nothing is left. What PID 1 keeps
 * is its environment (IDENTITY_HEADER, to ask for a token again when an idle runner must be deregistered).
 */
import { spawn } from 'node:child_process'
import { writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { readRegistrationSettings, type EntrypointOptions } from './config.js'
import { EntrypointError, ReportedError } from './errors.js'
import { createHttpClient, defaultSleep } from '../http/json-client.js'
import { directWhenPrivate, useProxyFromEnv } from '../http/proxy.js'
import type { DeleteOutcome, JitRunner } from '../github/runners.js'
import type { Log } from './log.js'
import { deregisterRunner, mintRegistrationToken, registerJitRunner } from './register.js'

export const CREDENTIAL_FLAG = '--credential-task='
const RESULT_FD = 3

type Env = Record<string, string | undefined>
export type Deregistration = DeleteOutcome

/** PID 1's side: runs one task in a child and returns its answer; the child has logged any failure itself. */
function runTask(task: string, env: Env): Promise<string> {
  const child = spawn(process.execPath, [...process.argv.slice(1), CREDENTIAL_FLAG + task], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'pipe']
  })
  let answer = ''
  child.stdio[RESULT_FD]!.on('data', (chunk: Buffer) => (answer += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (code === 0) resolve(answer)
      else if (signal) reject(new EntrypointError(`the ${task.split(':')[0]} process was killed by ${signal}`))
      else reject(new ReportedError(`${task} failed`))
    })
  })
}

export async function register(env: Env): Promise<JitRunner> {
  return JSON.parse(await runTask('register', env)) as JitRunner
}

export async function deregister(env: Env, runnerId: number): Promise<Deregistration> {
  return (await runTask(`deregister:${runnerId}`, env)) as Deregistration
}

/** The child's side. */
export async function runCredentialTask(task: string, log: Log, env: Env, options: EntrypointOptions): Promise<0> {
  const settings = readRegistrationSettings(env, hostname(), options)
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) {
    // The identity endpoint and a Key Vault private endpoint are never reached through the proxy.
    const direct = [settings.identityEndpoint, ...(await directWhenPrivate(settings.keySecretUri))]
    log.info(`through the proxy ${useProxyFromEnv(env, direct)}; direct: ${env.NO_PROXY}`)
  }
  const http = createHttpClient({
    maxAttempts: 4,
    baseDelayMs: settings.retryBaseMs,
    maxDelayMs: settings.retryMaxMs,
    sleep: defaultSleep
  })
  // Loaded here, in the credential child only: PID 1 never talks to GitHub and starts without Octokit.
  const { createCoreGitHub } = await import('../github/core-client.js')
  const gh = createCoreGitHub(settings.apiUrl, {
    // Production waits 1,000 ms per second GitHub asks for; tests shrink it through the same option.
    msPerSecond: settings.retryBaseMs,
    debug: line => log.info(line)
  })
  const { token } = await mintRegistrationToken(settings, http, gh, log)
  const answer =
    task === 'register'
      ? JSON.stringify(await registerJitRunner(settings, gh, token, log))
      : await deregisterRunner(settings, gh, token, Number(task.replace(/^deregister:/, '')))
  writeSync(RESULT_FD, answer)
  return 0
}
