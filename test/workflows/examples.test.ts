import { describe, it, expect } from '@jest/globals'
import { join, basename } from 'node:path'
import { loadTeamConfigs } from '../../src/config/load.js'
import { repoRoot, readText, readYaml } from './files.js'

describe('example platform repository', () => {
  const teams = loadTeamConfigs([join(repoRoot, 'examples/platform-repo/teams')])

  it('holds valid team configs, each in teams/<team>.yaml as the teardown caller expects', () => {
    expect(teams.map(t => [t.team, basename(t.source.file)])).toEqual([
      ['dialogporten', 'dialogporten.yaml'],
      ['studio', 'studio.yaml']
    ])
    const teardown = readYaml('examples/platform-repo/.github/workflows/teardown.yml').jobs.teardown.with
    expect(teardown.config).toBe('teams/${{ inputs.team }}.yaml')
  })

  it('checks drift over that folder', () => {
    const drift = readYaml('examples/platform-repo/.github/workflows/drift-check.yml').jobs.drift.with
    expect(drift.config).toBe('teams/')
  })
})

describe('example team repository', () => {
  it('passes the team named in its config to setup and verify', () => {
    const [config] = loadTeamConfigs([join(repoRoot, 'examples/team-repo/runner-setup.yaml')])
    const { jobs } = readYaml('examples/team-repo/.github/workflows/runners.yml')
    for (const job of [jobs.setup, jobs.verify]) {
      expect(job.with).toEqual({ team: config.team, config: 'runner-setup.yaml' })
    }
    expect(config.team).toBe('studio')
    expect(config.probe.endpoints).toEqual(['psql-studio.postgres.database.azure.com:5432'])
  })
})

describe('the README', () => {
  it('shows the image-build example workflow exactly as the linted file', () => {
    const example = readText('examples/team-repo/.github/workflows/image.yml')
    expect(readText('README.md')).toContain('```yaml\n' + example + '```\n')
    const build = readYaml('examples/team-repo/.github/workflows/image.yml').jobs.build
    expect(build.steps[1].uses).toBe('altinn/runner-setup/actions/image-build@v1')
    expect(build.permissions['id-token']).toBe('write')
  })
})
