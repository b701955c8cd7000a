import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { serializeText } from '../shared/serialize/plain.ts'
import { diffLines } from 'diff'
const text = readFileSync(process.argv[2], 'utf8')
const { doc } = importText(text)
const sc = { resolutions: JSON.parse(process.argv[3]), values: {}, inscriptions: {} }
const out = serializeText(consolidate(doc, sc).doc)
for (const p of diffLines(text, out)) if (p.added || p.removed) console.log(p.added ? '+' : '-', p.value.slice(0, 600))
