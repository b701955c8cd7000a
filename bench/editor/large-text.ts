/**
 * A generated non-paper of about 100 pages with about 1,500 bracket groups, for the
 * editor benchmark: articles of lettered sections, each with numbered options whose
 * paragraphs carry alternatives, optional insertions, nesting, placeholders and
 * footnote markers the way the AWG-KP non-paper writes them.
 */

const words = [
  'Parties',
  'commitment',
  'emissions',
  'shall',
  'aggregate',
  'period',
  'Annex I',
  'implementation',
  'assigned amount',
  'reduction',
  'in accordance with',
  'the Protocol',
  'levels',
  'inventory',
  'base year',
  'provision',
]

/** Deterministic filler: the same text on every run, so figures compare across runs. */
function filler(seed: number, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(words[(seed * 7 + i * 3) % words.length])
  return out.join(' ')
}

/** One paragraph with three bracket groups: alternatives, an optional insertion and a nested pair. */
function paragraph(n: number): string {
  return (
    `${n}. The ${filler(n, 14)} [shall][should] ${filler(n + 1, 18)} [, ${filler(n + 2, 9)}] ` +
    `by X per cent below 1990 levels ${filler(n + 3, 16)} [in [2013 to 2017][2013 to 2020]] ${filler(n + 4, 20)}.`
  )
}

/**
 * The generated text. `brackets` counts groups (a nested pair counts two, so a
 * paragraph carries four); the default gives about 1,500 groups in about 100 pages.
 */
export function largeNonPaper(brackets = 1500): string {
  const paragraphs = Math.ceil(brackets / 4)
  const lines: string[] = ['', 'Generated non-paper for the editor benchmark', '']
  const letters = 'ABCDEFGHIJ'
  let n = 0
  let article = 0
  while (n < paragraphs) {
    article++
    lines.push(`ARTICLE ${article}: AMENDMENT`, '')
    for (let s = 0; s < letters.length && n < paragraphs; s++) {
      lines.push(`${letters[s]}. Article ${article}, paragraph ${s + 1}`, '')
      for (let o = 1; o <= 3 && n < paragraphs; o++) {
        lines.push(`Option ${o}`, '')
        for (let p = 0; p < 4 && n < paragraphs; p++) lines.push(paragraph(++n), '')
      }
    }
  }
  return lines.join('\n')
}
