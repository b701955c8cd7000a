/**
 * Splits a plain text into lines and records the framing a serializer needs to
 * give the same characters back: the line ending, a byte-order mark, and the
 * newlines after the last non-blank line.
 */

/** A text as lines, with its framing. */
export interface SourceLines {
  lines: string[]
  eol: '\n' | '\r\n'
  bom: boolean
}

/**
 * Split `text`. CRLF is taken as the line ending only when every line break is
 * CRLF; in a mixed text the stray `\r` stays in its line as a character.
 */
export function splitLines(text: string): SourceLines {
  const bom = text.charCodeAt(0) === 0xfeff
  if (bom) text = text.slice(1)
  const lf = countChar(text, '\n')
  const crlf = lf > 0 && countSubstring(text, '\r\n') === lf
  const eol = crlf ? '\r\n' : '\n'
  return { lines: text.split(eol), eol, bom }
}

/**
 * Whether a line is blank: empty or spaces only. A line with a tab is not blank:
 * it may be a table row of empty cells.
 */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) !== 32) return false
  return true
}

function countChar(text: string, ch: string): number {
  let n = 0
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++
  return n
}

function countSubstring(text: string, sub: string): number {
  let n = 0
  for (let i = text.indexOf(sub); i >= 0; i = text.indexOf(sub, i + sub.length)) n++
  return n
}
