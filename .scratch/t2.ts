import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
const { doc } = importText(readFileSync(process.argv[2], 'utf8'))
const sc = { resolutions: { o20: 'chosen' }, values: {}, inscriptions: {} }
let c = consolidate(doc, sc)
for (let k = 0; k < 3; k++) {
let t = performance.now(); for (let i = 0; i < 20; i++) c = consolidate(doc, sc); const a = (performance.now() - t) / 20
t = performance.now(); for (let i = 0; i < 20; i++) checkRemovals(doc, sc, c.doc); const b = (performance.now() - t) / 20
console.log(a.toFixed(1), b.toFixed(1))
}
