/**
 * The built entrypoint when GitHub registered the runner but its answer was lost on the way: the registration the
 * lost attempt made is found by name and deleted, and only the fresh one that runs the job remains.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { testBundle } from '../../emulator/runner-entrypoint/bundle.js'
import {
  createWorld,
  fakePasswd,
  fakeRunner,
  jobEnv,
  runEntrypoint,
  type World
} from '../../emulator/worlds/runner-world.js'

let bundle: string
let world: World

beforeAll(async () => {
  bundle = testBundle()
  world = await createWorld()
})

afterAll(async () => {
  await world.close()
})

it('a JIT POST whose answer is lost leaves no registered runner behind', async () => {
  const env = jobEnv(world, 'repo')
  const options = { runnerDir: fakeRunner(world.dir, 'job').runnerDir, passwdFile: fakePasswd(world.dir) }
  world.admin.fault({ method: 'POST', path: '/generate-jitconfig', kind: 'lost-answer', status: 502, times: 1 })
  const registered: number[] = []
  const seen = setInterval(() => registered.push(...world.admin.github.runners.keys()), 5)
  try {
    expect(await runEntrypoint(bundle, env, options).done).toBe(0)
  } finally {
    clearInterval(seen)
  }
  const github = world.admin
    .requests()
    .filter(r => r.service === 'github' && !r.path.endsWith('/access_tokens'))
    .map(r => `${r.method} ${r.path.replace(/^.*\/actions\/runners/, '…')}${r.query} ${r.status}`)
  expect(github.slice(0, 5)).toEqual([
    'POST …/generate-jitconfig 502',
    'POST …/generate-jitconfig 409',
    expect.stringMatching(/^GET …\?name=[\w-]+&per_page=100 200$/),
    expect.stringMatching(/^DELETE …\/\d+ 204$/),
    'POST …/generate-jitconfig 201'
  ])
  // Two registrations existed in turn: the lost one is gone; only the one that ran the job remains (GitHub removes
  // a JIT runner after its job; this fake run.sh never reaches GitHub's broker).
  const [lost, used] = [...new Set(registered)]
  expect([...world.admin.github.runners.keys()]).toEqual([used])
  expect(lost).not.toBe(used)
})
