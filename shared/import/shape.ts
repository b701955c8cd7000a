/**
 * The shape a text comes in. Markdown (front matter, `#` headings, `**Option 1:**`
 * labels) writes structure the other shapes do not: indentation nests, `*` is
 * emphasis, `[^1]` is a footnote. Plain text extracted from a PDF (hard-wrapped,
 * page headers) and from Word (one paragraph per line) read alike.
 */

/**
 * Whether `lines` are Markdown: front matter, or a footnote definition (`[^1]: …`, a
 * syntax no other shape writes), or two `#` headings, or three bold option labels.
 */
export function isMarkdown(lines: string[]): boolean {
  if (lines[0] === '---' && lines.indexOf('---', 1) > 0) return true
  let headings = 0
  let bold = 0
  for (let i = 0; i < lines.length && i < 5000; i++) {
    const line = lines[i]
    const c = line.charCodeAt(0)
    if (c === 35 /* # */ && /^#{1,6} \S/.test(line) && ++headings >= 2) return true
    if (c === 91 /* [ */ && /^\[\^[^\]\s]+\]:/.test(line)) return true
    if (/^\s*(?:\d+\.\s+)?\*\*Option\b/.test(line) && ++bold >= 3) return true
  }
  return false
}
