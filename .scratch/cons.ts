import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
const { doc } = importText(readFileSync(process.argv[2], 'utf8'))
const sc = { resolutions: { o20: 'chosen' }, values: {}, inscriptions: {} }
const c = consolidate(doc, sc)
for (let i = 0; i < 40; i++) { checkRemovals(doc, sc, c.doc) }
