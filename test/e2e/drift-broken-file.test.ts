/**
 * The platform's drift check over a folder where one file is hostile (an alias bomb) or broken: that file is a
 * failed row with its `FILE:LINE:COL` message, every other team is still checked, and the run exits 1. Commands
 * that write refuse the whole folder, so nothing acts on a set with a broken file in it.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorld, type World } from '../../emulator/worlds/world.js'

const STUDIO = 'examples/platform-repo/teams/studio.yaml'
const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'
    .split('')
    .map((k, i) => `${k}: &${k} [${`*${String.fromCharCode(97 + i)}, `.repeat(8)}*${String.fromCharCode(97 + i)}]`)
].join('\n')
let world: World
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'runner-setup-broken-'))
  copyFileSync(STUDIO, join(dir, 'studio.yaml'))
  writeFileSync(join(dir, 'bomb.yaml'), BOMB + '\n')
  writeFileSync(join(dir, 'typo.yaml'), 'team: typo\nteam: again\n')
  world = await startWorld([STUDIO])
  expect((await world.cli(['apply', '--config', STUDIO])).code).toBe(0)
})
afterAll(async () => {
  await world.close()
})

it('drift checks every readable team and reports each broken file as its own failed row', async () => {
  const run = await world.cli(['drift', '--json', '--config', dir])
  expect(run.code).toBe(1)
  const { teams } = JSON.parse(run.stdout) as { teams: { team: string; file: string; error?: string }[] }
  expect(teams.map(t => [t.team, t.error === undefined])).toEqual([
    ['studio', true],
    ['bomb', false],
    ['typo', false]
  ])
  expect(teams[1]!.error).toMatch(new RegExp(`^${dir}/bomb\\.yaml:\\d+:\\d+: aliases expand to more than 10000 values`))
  expect(teams[2]!.error).toContain(`${dir}/typo.yaml:2:1: team: duplicate key`)
})

it('apply refuses the whole folder and writes nothing', async () => {
  world.emulator.clearRequests()
  const run = await world.cli(['apply', '--config', dir])
  expect(run.code).toBe(1)
  expect(run.stderr).toContain(`${dir}/bomb.yaml:`)
  expect(world.emulator.requests().filter(r => r.method !== 'GET')).toEqual([])
})
