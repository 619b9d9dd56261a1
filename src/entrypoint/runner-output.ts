/**
 * The runner's output is data, never control. Job steps write into it (the worker's output reaches the listener,
 * and a step can open the listener's pipes through /proc), so PID 1 reads it in lines of bounded length with
 * bounded memory, and relays every line with a mark of its own in front: a line without the mark is PID 1's.
 * Hand-written rather than a line-splitting library: Node's readline has no length limit, and split2's `maxLength`
 * drops or fails an over-long line, where this cuts it and says so.
 */

/** In front of every relayed runner line; PID 1's own lines start with `runner-setup [`. */
export const RELAY_MARK = 'runner| '

/** Longer lines are cut to this many bytes and marked. The runner's own lines are far shorter. */
export const MAX_LINE_BYTES = 16 * 1024

export interface LineSplitter {
  push(chunk: Buffer): void
  /** The stream ended: a last line without a newline is still a line. */
  end(): void
}

/** Calls `onLine` for each line of the byte stream; a line over `maxBytes` is cut there and its rest skipped. */
export function splitLines(onLine: (line: string, cut: boolean) => void, maxBytes = MAX_LINE_BYTES): LineSplitter {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let skipping = false
  const emit = (cut: boolean): void => {
    onLine(Buffer.concat(pending, pendingBytes).toString('utf8'), cut)
    pending = []
    pendingBytes = 0
  }
  /** Keeps what still fits of `part`; true when the line overflowed (it has then been emitted, cut). */
  const keep = (part: Buffer): boolean => {
    const room = maxBytes - pendingBytes
    if (part.length <= room) {
      if (part.length > 0) pending.push(Buffer.from(part))
      pendingBytes += part.length
      return false
    }
    pending.push(Buffer.from(part.subarray(0, room)))
    pendingBytes = maxBytes
    emit(true)
    return true
  }
  return {
    push(chunk) {
      let start = 0
      for (let newline = chunk.indexOf(10, start); ; newline = chunk.indexOf(10, start)) {
        const part = chunk.subarray(start, newline < 0 ? chunk.length : newline)
        if (!skipping && keep(part)) skipping = true
        if (newline < 0) return
        if (!skipping) emit(false)
        skipping = false
        start = newline + 1
      }
    },
    end() {
      if (pendingBytes > 0 && !skipping) emit(false)
      skipping = false
    }
  }
}

/** A relayed line as PID 1 prints it: marked, control characters shown as escapes (no `\r` overwriting a line). */
export function relayLine(line: string, cut: boolean): string {
  // eslint-disable-next-line no-control-regex
  const visible = line.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  return `${RELAY_MARK}${visible}${cut ? ` [cut at ${MAX_LINE_BYTES} bytes]` : ''}`
}
