/** The CLI's endpoints for a Key Vault and a GitHub API other than the ones the config's URIs name. */
import { describe, expect, it } from '@jest/globals'
import { parseCli, UsageError, type CliOptions } from '../../src/cli/args.js'

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}): CliOptions => parseCli(argv, env) as CliOptions

describe('CLI endpoints', () => {
  it('reads the Key Vault endpoint from --key-vault-endpoint, else AZURE_KEYVAULT_ENDPOINT, else none', () => {
    const env = { AZURE_KEYVAULT_ENDPOINT: 'https://kv.env.example/keyvault' }
    expect(parse(['verify', '--config', 'a.yaml'], env).settings.azure.keyVaultEndpoint).toBe(
      'https://kv.env.example/keyvault'
    )
    expect(
      parse(['verify', '--config', 'a.yaml', '--key-vault-endpoint', 'https://kv.flag.example'], env).settings.azure
        .keyVaultEndpoint
    ).toBe('https://kv.flag.example')
    expect(parse(['verify', '--config', 'a.yaml']).settings.azure).not.toHaveProperty('keyVaultEndpoint')
  })

  it('takes --github-api-url for verify (the team API) and report, and refuses it elsewhere', () => {
    const verify = parse(['verify', '--config', 'a.yaml', '--github-api-url', 'https://ghe.example/api/v3'])
    expect(verify.settings.github.teamApiUrl).toBe('https://ghe.example/api/v3')
    expect(verify.settings.report.githubApiUrl).toBe('https://ghe.example/api/v3')
    const report = parse(['report', '--config', 'a.yaml', '--github-api-url', 'https://ghe.example/api/v3'])
    expect(report.settings.github).not.toHaveProperty('teamApiUrl')
    expect(report.settings.report.githubApiUrl).toBe('https://ghe.example/api/v3')
    expect(() => parse(['apply', '--config', 'a.yaml', '--github-api-url', 'https://ghe.example/api/v3'])).toThrow(
      new UsageError('--github-api-url only applies to report and verify')
    )
  })
})
