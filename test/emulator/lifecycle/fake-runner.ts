/**
 * Stand-in for the runner's run.sh (`run.sh --jitconfig <base64>`): connects with the JIT config to the service it
 * names, waits for one job GitHub assigns to it, prints "Running job: <name>" as Runner.Listener does (the
 * entrypoint watches for that line), works on it for the job's time, reports it done and exits.
 * Run directly by Node (type stripping), so it imports nothing but Node built-ins.
 * Env: RUNNER_FAKE_POLL_MS, how often to ask for a job (default 20).
 */
import process from 'node:process'

const args = process.argv.slice(2)
const jitText = args[args.indexOf('--jitconfig') + 1]
if (args.indexOf('--jitconfig') < 0 || !jitText) {
  console.error('usage: run.sh --jitconfig <encoded JIT config>')
  process.exit(2)
}
const jit = JSON.parse(Buffer.from(jitText, 'base64').toString('utf8')) as {
  runnerId: number
  name: string
  serverUrl: string
}
const pollMs = Number(process.env.RUNNER_FAKE_POLL_MS ?? 20) || 20
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

let job: { id: number; name: string; runMs: number } | undefined
let ending = false

async function stop(signal: string): Promise<void> {
  if (ending) return
  ending = true
  console.log(`${stamp()}: received ${signal}`)
  // A job cut short is cancelled; a runner that never took one just goes away (GitHub removes it).
  await (
    job
      ? call('POST', `/runners/${jit.runnerId}/complete`, { conclusion: 'cancelled' })
      : call('DELETE', `/runners/${jit.runnerId}/session`)
  ).catch(() => undefined)
  process.exit(143)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

const session = await call('POST', '/sessions', { jitconfig: jitText })
if (session.status !== 200) {
  console.error(`${stamp()}: the runner registration was refused (HTTP ${session.status})`)
  process.exit(1)
}
console.log('√ Connected to GitHub')
console.log(`${stamp()}: Listening for Jobs`)

while (!job && !ending) {
  const answer = await call('POST', `/runners/${jit.runnerId}/acquire`)
  if (answer.status === 200) job = (await answer.json()) as typeof job
  else if (answer.status === 404) {
    console.error(`${stamp()}: the runner registration was deleted`)
    process.exit(1)
  } else await sleep(pollMs)
}
if (job && !ending) {
  console.log(`${stamp()}: Running job: ${job.name}`)
  await sleep(job.runMs)
  if (!ending) {
    ending = true
    await call('POST', `/runners/${jit.runnerId}/complete`, { conclusion: 'success' })
    console.log(`${stamp()}: Job ${job.name} completed with result: Succeeded`)
    process.exit(0)
  }
}
