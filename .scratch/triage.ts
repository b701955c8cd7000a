import { randomNegotiationText, seededRandom } from '../test/import/random-text.ts'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
import { groupPasses, optionPasses, wordsOf, wordsThatStay } from '../test/consolidate/choices.ts'
let n = 0
for (let seed = 1; seed <= 300; seed++) {
  const text = randomNegotiationText(seededRandom(seed))
  const { doc } = importText(text)
  const resolutions = { ...(optionPasses(doc)[0] ?? {}), ...(groupPasses(doc)[0] ?? {}) }
  const sc = { resolutions, values: {}, inscriptions: {} }
  const c = consolidate(doc, sc).doc
  const cw = wordsOf(c), sw = wordsThatStay(doc, resolutions)
  const left = new Map<string, number>(); for (const w of cw) left.set(w, (left.get(w) ?? 0) + 1)
  const lost = sw.filter((w) => { const k = left.get(w) ?? 0; if (k > 0) { left.set(w, k - 1); return false } return true })
  const a = lost.join(' '), b = ''
  const f = checkRemovals(doc, sc, c)
  if ((lost.length && !f.length) || (!lost.length && f.length)) { n++; if (n <= 40) { let i = 0; while (i < a.length && a[i] === b[i]) i++; console.log(seed, lost.length ? 'LOST ' + a.slice(0, 100) : 'REFUSED ' + f[0].message.slice(0, 150)) } }
}
console.log(n, 'failing')
