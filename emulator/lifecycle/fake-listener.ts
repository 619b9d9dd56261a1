/**
 * Stand-in for bin/Runner.Listener (`Runner.Listener run --jitconfig <base64>`, started by the entrypoint; see
 * runner-layout.ts): connects with the JIT config to the service it names, waits for the one job GitHub assigns to
 * it, prints "Running job: <name>" as the real listener does, runs it in a separate bin/Runner.Worker process (whose
 * output it relays), reports the result and exits. Exit codes as Runner.Listener's: 0 when its job is done or it was cancelled by SIGINT or
 * SIGTERM; 1 (terminated) when the registration is refused or deleted; 7 when GitHub refuses the runner's version
 * and ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE is set (1 otherwise).
 * Run directly by Node (type stripping), so it imports nothing but Node built-ins.
 * Env (test switches of this stand-in only): RUNNER_FAKE_POLL_MS, how often to ask for a job (default 20);
 * RUNNER_FAKE_IGNORE_SIGNALS=1, a listener that ignores SIGINT and SIGTERM (only SIGKILL ends it);
 * RUNNER_FAKE_SILENT_JOB=1, runs its job without printing "Running job" (output that lags).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import process from 'node:process'

const args = process.argv.slice(2)
const jitText = args[args.indexOf('--jitconfig') + 1]
if (args[0] !== 'run' || args.indexOf('--jitconfig') < 0 || !jitText) {
  console.error('usage: Runner.Listener run --jitconfig <encoded JIT config>')
  process.exit(1)
}
const jit = JSON.parse(Buffer.from(jitText, 'base64').toString('utf8')) as {
  runnerId: number
  name: string
  serverUrl: string
}
const pollMs = Number(process.env.RUNNER_FAKE_POLL_MS ?? 20) || 20
// While a job runs: how often to ask whether its steps are done (a few times a second is enough).
const stepsPollMs = Math.max(pollMs, 50)
const stamp = (): string =>
  new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
const call = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${jit.serverUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
const fail = (message: string, code: number): never => {
  console.error(`${stamp()}: An error occurred: ${message}`)
  process.exit(code)
}

let job: { id: number; name: string; result?: string } | undefined
let worker: ChildProcess | undefined
let ending = false

async function cancel(signal: string): Promise<void> {
  if (ending) return
  ending = true
  console.log(`${stamp()}: received ${signal}`)
  worker?.kill('SIGINT')
  // A job cut short is cancelled; a runner that never took one ends its session (GitHub then removes it).
  await (
    job
      ? call('POST', `/runners/${jit.runnerId}/complete`, { conclusion: 'cancelled' })
      : call('DELETE', `/runners/${jit.runnerId}/session`)
  ).catch(() => undefined)
  process.exit(0)
}
if (process.env.RUNNER_FAKE_IGNORE_SIGNALS === '1') {
  process.on('SIGTERM', () => console.log(`${stamp()}: ignoring SIGTERM`))
  process.on('SIGINT', () => console.log(`${stamp()}: ignoring SIGINT`))
} else {
  process.on('SIGTERM', () => void cancel('SIGTERM'))
  process.on('SIGINT', () => void cancel('SIGINT'))
}

const session = await call('POST', '/sessions', { jitconfig: jitText })
if (session.status === 403) {
  const message = ((await session.json()) as { message?: string }).message ?? 'runner version deprecated'
  fail(message, process.env.ACTIONS_RUNNER_RETURN_VERSION_DEPRECATED_EXIT_CODE === '1' ? 7 : 1)
}
if (session.status !== 200) fail(`the runner registration was refused (HTTP ${session.status})`, 1)
console.log('√ Connected to GitHub')
console.log(`${stamp()}: Listening for Jobs`)

while (!job && !ending) {
  const answer = await call('POST', `/runners/${jit.runnerId}/acquire`)
  if (answer.status === 200) job = (await answer.json()) as typeof job
  else if (answer.status === 404) fail('the runner registration was deleted', 1)
  else await sleep(pollMs)
}
if (job && !ending) {
  if (process.env.RUNNER_FAKE_SILENT_JOB !== '1') console.log(`${stamp()}: Running job: ${job.name}`)
  // The runner's folder is the working directory run.sh was started in. The worker works until GitHub's side says
  // the job's steps are done (they last simulated time, see the double's stepsDone); then it ends with the result.
  // Its output reaches the listener through pipes, which the listener relays, as the real one does with
  // ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT: a job step can write into what PID 1 reads.
  worker = spawn(join(process.cwd(), 'bin', 'Runner.Worker'), [job.result === 'failure' ? '1' : '0'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  worker.stdout!.pipe(process.stdout, { end: false })
  worker.stderr!.pipe(process.stderr, { end: false })
  const exited = new Promise<number | null>(done => worker!.once('exit', c => done(c)))
  let workerEnded = false
  void exited.then(() => (workerEnded = true))
  while (!workerEnded && !ending) {
    const steps = await call('GET', `/runners/${jit.runnerId}/steps`).catch(() => undefined)
    if (steps?.status === 200 && ((await steps.json()) as { done: boolean }).done) worker.kill('SIGUSR1')
    else await sleep(stepsPollMs)
  }
  const code = await exited
  if (!ending) {
    ending = true
    const conclusion = code === 0 ? 'success' : 'failure'
    await call('POST', `/runners/${jit.runnerId}/complete`, { conclusion })
    console.log(
      `${stamp()}: Job ${job.name} completed with result: ${conclusion === 'success' ? 'Succeeded' : 'Failed'}`
    )
    process.exit(0)
  }
}
