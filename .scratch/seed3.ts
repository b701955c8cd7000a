import { randomNegotiationText, seededRandom } from '../test/import/random-text.ts'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { readRejections } from '../shared/consolidate/rejected-text.ts'
import { groupPasses, optionPasses } from '../test/consolidate/choices.ts'
const text = randomNegotiationText(seededRandom(Number(process.argv[2])))
const { doc } = importText(text)
const resolutions = { ...(optionPasses(doc)[0] ?? {}), ...(groupPasses(doc)[0] ?? {}) }
const r = readRejections(doc, { resolutions, values: {}, inscriptions: {} })
const t = r.map.text
const lines = t.split('\n')
const l = Number(process.argv[3]) - 1
let start = t.split('\n').slice(0, l).join('\n').length + (l ? 1 : 0)
console.log(JSON.stringify(lines[l]))
console.log([...lines[l]].map((_, i) => r.marks[start + i]).join(''))
for (const x of r.rejected) { const p = r.map.position(x.from); if (p.line === l + 1) console.log(x.decision, x.kind, p.column, JSON.stringify(t.slice(x.from, x.to))) }
