import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
import { indexDocument } from '../shared/model/document-index.ts'
const text = readFileSync(process.argv[2], 'utf8')
const { doc } = importText(text)
const index = indexDocument(doc)
let bad = 0, n = 0
const t0 = performance.now()
const empty = { resolutions: {}, values: {}, inscriptions: {} }
for (const id of index.options.keys()) {
  const sc = { ...empty, resolutions: { [id]: 'chosen' } }
  const c = consolidate(doc, sc)
  const f = checkRemovals(doc, sc, c.doc)
  n++
  if (f.length) { bad++; if (bad < 6) console.log(id, f.map((x) => x.message).join('\n  ')) }
}
for (const [id, g] of index.groups) for (const alt of g.alternatives.length > 1 ? g.alternatives : ['kept', 'deleted']) {
  const sc = { ...empty, resolutions: { [id]: alt } }
  const c = consolidate(doc, sc)
  const f = checkRemovals(doc, sc, c.doc)
  n++
  if (f.length) { bad++; if (bad < 12) console.log(id, alt, f.map((x) => x.message).join('\n  ')) }
}
console.log(`${n} choices, ${bad} refused, ${((performance.now() - t0) / n).toFixed(1)} ms each`)
