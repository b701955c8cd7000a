/**
 * Generated non-papers for the editor benchmark: articles of lettered sections, each
 * with numbered options whose paragraphs carry alternatives, optional insertions,
 * nesting, placeholders and footnote markers the way the AWG-KP non-paper writes them.
 * The default is the 115-page text (1,500 bracket groups, 94 option cards);
 * `{ brackets: 5000, options: 300, pages: 300 }` is the 300-page one.
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
function paragraph(n: number, scale: number): string {
  const f = (seed: number, count: number) => filler(seed, Math.max(1, Math.round(count * scale)))
  return (
    `${n}. The ${f(n, 14)} [shall][should] ${f(n + 1, 18)} [, ${f(n + 2, 9)}] ` +
    `by X per cent below 1990 levels ${f(n + 3, 16)} [in [2013 to 2017][2013 to 2020]] ${f(n + 4, 20)}.`
  )
}

/** The shape of a generated text. */
export interface LargeTextShape {
  /** Bracket groups (a nested pair counts two, so a paragraph carries four). */
  brackets?: number
  /** Option cards; by default one per four paragraphs. */
  options?: number
  /** Pages of about 3,000 characters; by default what the paragraphs' full filler gives. */
  pages?: number
}

/** The generated text; a number is the bracket count of the default shape (the old signature). */
export function largeNonPaper(shape: LargeTextShape | number = {}): string {
  const { brackets = 1500, options, pages } = typeof shape === 'number' ? { brackets: shape } : shape
  const full = build(brackets, options, 1)
  if (pages === undefined) return full
  // Paragraph filler is most of the text (word counts round): two proportional corrections land within 1 %.
  let scale = (pages * 3000) / full.length
  scale *= (pages * 3000) / build(brackets, options, scale).length
  return build(brackets, options, scale)
}

function build(brackets: number, options: number | undefined, scale: number): string {
  const paragraphs = Math.ceil(brackets / 4)
  const cards = options ?? Math.ceil(paragraphs / 4)
  // Paragraphs of option `o` (0-based): spread evenly, four each when the count is the default.
  const inOption = (o: number) =>
    options === undefined
      ? Math.min(4, paragraphs - 4 * o)
      : Math.floor(((o + 1) * paragraphs) / cards) - Math.floor((o * paragraphs) / cards)
  const lines: string[] = ['', 'Generated non-paper for the editor benchmark', '']
  const letters = 'ABCDEFGHIJ'
  let n = 0
  let card = 0
  let article = 0
  while (card < cards) {
    article++
    lines.push(`ARTICLE ${article}: AMENDMENT`, '')
    for (let s = 0; s < letters.length && card < cards; s++) {
      lines.push(`${letters[s]}. Article ${article}, paragraph ${s + 1}`, '')
      for (let o = 1; o <= 3 && card < cards; o++) {
        lines.push(`Option ${o}`, '')
        const count = inOption(card++)
        for (let p = 0; p < count; p++) lines.push(paragraph(++n, scale), '')
      }
    }
  }
  return lines.join('\n')
}
