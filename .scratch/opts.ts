import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { structureOutline } from '../shared/inspect/structure-outline.ts'
const text = readFileSync(process.argv[2], 'utf8')
const lines = text.split('\n')
const { doc, guesses } = importText(text)
const kinds = (process.argv[3] ?? 'option').split(',')
for (const e of structureOutline(doc)) if (kinds.includes(e.kind)) console.log(`${e.kind} ${e.id} ${e.run ?? ''} ${e.parent ?? ''} L${e.line}:${e.column}-${e.endLine} ${e.name ?? ''} | next: ${(lines[e.endLine] ?? '').slice(0, 50)}`)
if (process.argv[4]) for (const g of guesses) console.log('GUESS', JSON.stringify(g))
