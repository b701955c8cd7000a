import { randomNegotiationText, seededRandom } from '../test/import/random-text.ts'
import { importText } from '../shared/import/index.ts'
import { outline } from '../shared/inspect/outline.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { groupPasses, optionPasses, wordsOf, wordsThatStay } from '../test/consolidate/choices.ts'
const text = randomNegotiationText(seededRandom(Number(process.argv[2])))
const { doc } = importText(text)
const resolutions = JSON.parse(process.argv[3] ?? 'null') ?? { ...(optionPasses(doc)[0] ?? {}), ...(groupPasses(doc)[0] ?? {}) }
const sc = { resolutions, values: {}, inscriptions: {} }
const c = consolidate(doc, sc).doc
console.log(outline(c))
console.log(wordsOf(c).join(' '))
console.log(wordsThatStay(doc, resolutions).join(' '))
