import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { structureOutline } from '../shared/inspect/structure-outline.ts'
import { summarize } from '../shared/inspect/summary.ts'
const { doc, diagnostics, guesses } = importText(readFileSync(process.argv[2], 'utf8'))
const o = structureOutline(doc)
const s = summarize(doc, diagnostics)
const runs = new Set(o.filter((e) => e.kind === 'option').map((e) => e.run))
const headings: Record<string, number> = {}
doc.descendants((n) => { if (n.type.name === 'heading') headings[`${n.attrs.level}/${n.attrs.rank}`] = (headings[`${n.attrs.level}/${n.attrs.rank}`] ?? 0) + 1; return !n.isTextblock })
const { diagnostics: d, ...rest } = s
console.log(JSON.stringify({ ...rest, runs: runs.size, headings, outlineHeadings: o.filter((e) => e.kind === 'heading').length, guessKinds: guesses.reduce((a: any, g) => ((a[g.kind + (g.id ? '' : ':text')] = (a[g.kind + (g.id ? '' : ':text')] ?? 0) + 1), a), {}) }))
for (const x of d) console.log(JSON.stringify(x))
if (process.argv[3]) for (const e of o) if (e.kind === process.argv[3]) console.log(JSON.stringify(e))
