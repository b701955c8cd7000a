import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import * as rc from '../shared/consolidate/removal-check.ts'
const { doc } = importText(readFileSync(process.argv[2], 'utf8'))
const sc = { resolutions: { o20: 'chosen' }, values: {}, inscriptions: {} }
const c = consolidate(doc, sc)
const orig = performance.now
let marks: [string, number][] = []
for (let i = 0; i < 5; i++) rc.checkRemovals(doc, sc, c.doc)
const t = performance.now(); for (let i = 0; i < 10; i++) rc.checkRemovals(doc, sc, c.doc); console.log(((performance.now() - t) / 10).toFixed(1))
