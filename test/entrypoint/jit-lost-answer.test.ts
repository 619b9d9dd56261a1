/**
 * The built entrypoint when GitHub registered the runner but its answer was lost on the way: the registration the
 * lost attempt made is found by name and deleted, and only the fresh one that runs the job remains.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBundle, createWorld, fakeRunner, fakeSystemFiles, jobEnv, runEntrypoint, type World } from './world.js'

let bundle: string
let buildDir: string
let world: World

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'rs-entrypoint-build-'))
  bundle = buildBundle(buildDir)
  world = await createWorld()
})

afterAll(async () => {
  await world.close()
  rmSync(buildDir, { recursive: true, force: true })
})

it('a JIT POST whose answer is lost leaves no registered runner behind', async () => {
  const files = fakeSystemFiles(world.dir)
  const env = jobEnv(world, 'repo', {
    RUNNER_SETUP_RUN_SH: fakeRunner(world.dir, 'job').runSh,
    RUNNER_SETUP_PASSWD_FILE: files.passwdFile,
    RUNNER_SETUP_GROUP_FILE: files.groupFile,
    RUNNER_SETUP_SUDOERS_DIR: files.sudoersDir
  })
  world.admin.fault({ method: 'POST', path: '/generate-jitconfig', kind: 'lost-answer', status: 502, times: 1 })
  const registered: number[] = []
  const seen = setInterval(() => registered.push(...world.admin.github.runners.keys()), 5)
  try {
    expect(await runEntrypoint(bundle, env).done).toBe(0)
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
