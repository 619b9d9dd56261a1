/** What a check says about one value; the validator adds the key path and the file position. */
export interface Issue {
  message: string
  hint?: string
}

/** A user's value, quoted for a message: one line, short, so a message never carries a whole pasted blob. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  if (text.includes('\n')) return 'a multi-line string'
  return `\`${text.length > 200 ? `${text.slice(0, 197)}...` : text}\``
}
