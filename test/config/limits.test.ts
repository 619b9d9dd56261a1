/** The parser's limits, in process: what stays allowed right below them, and the exact refusal right above. */
import { describe, expect, it } from '@jest/globals'
import { decodeUtf8 } from '../../src/config/read-file.js'
import { MAX_ALIAS_VALUES, MAX_DEPTH, parseYaml } from '../../src/config/parse-yaml.js'
import { BASE, problemsOf } from './helpers.js'
import { parseTeamConfig } from '../../src/config/load.js'

const messages = (text: string) =>
  parseYaml(text).problems.map(p => `${p.position.line}:${p.position.col}: ${p.message}`)

describe('nesting', () => {
  it(`allows ${MAX_DEPTH} levels and refuses ${MAX_DEPTH + 1}, in flow and block style`, () => {
    expect(messages(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`)).toEqual([])
    expect(messages(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`)).toEqual([
      '1:101: nested deeper than 100 levels'
    ])
    expect(messages(`${'- '.repeat(MAX_DEPTH)}x`)).toEqual([])
    expect(messages(`${'- '.repeat(MAX_DEPTH + 1)}x`)).toEqual(['1:201: nested deeper than 100 levels'])
  })

  it('counts levels an alias adds, at the alias', () => {
    const fifty = `${'['.repeat(60)}x${']'.repeat(60)}`
    expect(messages(`a: &a ${fifty}\nb: [*a]\n`)).toEqual([])
    expect(messages(`a: &a ${fifty}\nb: ${'['.repeat(45)}*a${']'.repeat(45)}\n`)).toEqual([
      '2:49: nested deeper than 100 levels (through *a)'
    ])
  })
})

describe('aliases', () => {
  it('a config may still share values through anchors', () => {
    const text = BASE.replace('  repos: [minimal-app]', '  repos: &repos [minimal-app]') + 'probe:\n  endpoints: []\n'
    const config = parseTeamConfig(text.replace('minimal-app]', 'minimal-app]\n  labels: *repos'), 'team.yaml')
    expect(config.github.labels).toEqual(['minimal-app'])
  })

  it(`counts every value made through aliases: ${MAX_ALIAS_VALUES} pass, one more is refused`, () => {
    const many = (n: number) => `x: &x [a]\ny: [${Array(n).fill('*x').join(', ')}]\n`
    expect(messages(many(MAX_ALIAS_VALUES / 2))).toEqual([])
    expect(messages(many(MAX_ALIAS_VALUES / 2 + 1))).toEqual([
      `2:${5 + 4 * (MAX_ALIAS_VALUES / 2)}: aliases expand to more than 10000 values (at *x); refused as an alias bomb`
    ])
  })

  it('an alias bomb in a team config is one problem, before any other check', () => {
    const bomb = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]']
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f'].entries())
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${'abcde'[i]}`).join(', ')}]`)
    expect(problemsOf(`${BASE}tags:\n${bomb.map(line => `  ${line}`).join('\n')}\n`)).toEqual([
      'team.yaml:20:38: aliases expand to more than 10000 values (at *c); refused as an alias bomb'
    ])
  })
})

describe('UTF-8', () => {
  it('drops a UTF-8 byte order mark, so positions stay where an editor shows them', () => {
    const text = decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE)]), 'team.yaml')
    expect(text).toBe(BASE)
    expect(parseTeamConfig(text, 'team.yaml').source.positions.team).toEqual({ line: 1, col: 1 })
  })

  it('keeps a U+FFFD written in the file, and finds the invalid byte after it', () => {
    expect(decodeUtf8(Buffer.from('a: \uFFFD\n'), 'f.yaml')).toBe('a: \uFFFD\n')
    expect(() =>
      decodeUtf8(Buffer.concat([Buffer.from('a: \uFFFD\nb: '), Buffer.from([0xc3, 0x28])]), 'f.yaml')
    ).toThrow('f.yaml:2:4: not UTF-8: byte 0xC3 at line 2 is not a valid character')
  })
})
