/** A generator of messy bracketed negotiation texts for randomized tests. */

export { seededRandom } from '../seeded-random.ts'

const WORDS = [
  'Parties',
  'shall',
  'ensure',
  'emissions',
  'X',
  'per cent',
  'Annex B',
  'Annex I',
  'Party A',
  'V',
  '2013–2020',
  'five',
  'a',
  'check',
  'should / must',
  '[...]',
  '[*note*]',
  '{Placeholder}',
  'Lithuania [*]',
  'Bulgaria*',
  '¹',
  '²³',
  '^a',
  '^{a*}',
  '“V”',
  'CO₂',
  ' ',
  '  ',
  '\t',
  '{',
  '*',
  '^',
  '/',
  'XX',
  '20XX',
  'USD X.X million',
  '[x]',
  '1.5 °C',
  'W/m2',
  'sections D, E, F',
  '[^1]',
  '[NDMC*]',
  '[y]70 per cent',
  '{wraps',
  'across}',
  'COP,9',
  'Finance6',
]
const STARTERS = [
  'Option 1',
  'Option (a):',
  'Option I:',
  'Option A',
  '[Option 2:',
  'A. Annex B',
  'ARTICLE 1: AMENDMENT',
  '1 bis.',
  '- (a)',
  '¹',
  '^b',
  'Table (continued)',
  '(would only apply if option 3 for Annex B above is selected)',
  'The following paragraph shall be inserted:',
  'Annex B',
  '   ',
  '',
  'Option 1 bis:',
  'Option 3 {No text required}',
  '**Option 1:**',
  '**Option 2**:',
  'Option II: Finance6',
  'Option A.1:',
  'OPTION I:',
  'OPTION II:',
  '4. [Option 1:',
  '1. Option 2:',
  '(c) Option 1:',
  'PART IV',
  'Article 5',
  'Article 2.]',
  'IV. Finance',
  'B. [Definitions',
  '## Article 2',
  '    **Option 3:**',
  '[^2]:',
  '1 See decision',
  '____',
  '22-08354 5/56',
]

/** A random text of 1–40 lines with brackets opened and closed at random. */
export function randomNegotiationText(random: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
  const lines: string[] = []
  const lineCount = 1 + Math.floor(random() * 40)
  for (let l = 0; l < lineCount; l++) {
    let line = random() < 0.3 ? pick(STARTERS) + ' ' : ''
    const tokens = Math.floor(random() * 14)
    for (let t = 0; t < tokens; t++) {
      const r = random()
      if (r < 0.15) line += '['
      else if (r < 0.3) line += ']'
      else if (r < 0.36) line += ']['
      else if (r < 0.4) line += ']' + String(1 + Math.floor(random() * 12))
      else line += pick(WORDS)
      if (random() < 0.6) line += ' '
    }
    if (random() < 0.1) line += '\t' + pick(WORDS)
    lines.push(line)
  }
  const eol = random() < 0.1 ? '\r\n' : '\n'
  const ending = pick(['', eol, eol + eol])
  return (random() < 0.05 ? '\uFEFF' : '') + lines.join(eol) + ending
}
