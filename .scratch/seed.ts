import { randomNegotiationText, seededRandom } from '../test/import/random-text.ts'
import { importText } from '../shared/import/index.ts'
import { outline } from '../shared/inspect/outline.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
import { groupPasses, optionPasses } from '../test/consolidate/choices.ts'
const text = randomNegotiationText(seededRandom(Number(process.argv[2])))
console.log(JSON.stringify(text))
const { doc } = importText(text)
console.log(outline(doc))
const resolutions = { ...(optionPasses(doc)[0] ?? {}), ...(groupPasses(doc)[0] ?? {}) }
console.log(JSON.stringify(resolutions))
const sc = { resolutions, values: {}, inscriptions: {} }
for (const f of checkRemovals(doc, sc, consolidate(doc, sc).doc)) console.log(f.message)
