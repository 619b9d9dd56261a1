/** Values in Markdown as code spans: nothing in them renders, whatever backticks, pipes or newlines they hold. */
import { describe, expect, it } from '@jest/globals'
import { codeSpan } from '../../src/render/inert.js'

describe('codeSpan', () => {
  it('fences with more backticks than the value holds, padding a value that starts or ends with one', () => {
    expect(codeSpan('@team')).toBe('`@team`')
    expect(codeSpan('a `b` c')).toBe('``a `b` c``')
    expect(codeSpan('``x')).toBe('``` ``x ```')
    expect(codeSpan('')).toBe('`  `')
  })

  it('keeps a table cell one cell and one line', () => {
    expect(codeSpan('a|b\nc')).toBe('`a\\|b c`')
  })
})
