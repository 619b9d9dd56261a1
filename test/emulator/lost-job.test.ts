/**
 * The GitHub double and a runner that ends its session as GitHub hands it a job (the runner stopped at its idle
 * timeout while its listener was taking the job): the job is not left in progress for ever, neither queued nor running
 * nor done. GitHub fails it, as a job whose runner lost communication; the job's states are recorded.
 */
import { describe, expect, it } from '@jest/globals'
import { createGitHubServices } from '../../emulator/github/index.js'

describe('a runner that ends its session holding a job it never ran', () => {
  it('fails the job and removes the runner; a runner that never took one is just removed', () => {
    const { admin } = createGitHubServices()
    admin.github.addOrg('org')
    admin.github.addRepo('org', 'app')
    const runner = admin.github.addRunner({ name: 'r1', labels: ['team'], runnerGroupId: 1, scope: { org: 'org' } })
    const idle = admin.github.addRunner({ name: 'r2', labels: ['team'], runnerGroupId: 1, scope: { org: 'org' } })
    const [job] = admin.workflows.queueJob({ owner: 'org', repo: 'app', labels: ['team'] })
    admin.workflows.connect(runner.id)
    expect(admin.workflows.acquire(runner.id)).toBe(job)
    admin.workflows.disconnect(runner.id)
    admin.workflows.connect(idle.id)
    admin.workflows.disconnect(idle.id)

    expect(job).toMatchObject({ status: 'completed', conclusion: 'failure', runnerName: 'r1' })
    expect(job!.history.map(h => [h.status, h.conclusion, h.runnerName])).toEqual([
      ['queued', undefined, undefined],
      ['in_progress', undefined, 'r1'],
      ['completed', 'failure', 'r1']
    ])
    expect(job!.history.at(-1)!.note).toContain('lost communication')
    expect(admin.github.runners.size).toBe(0)
  })
})
