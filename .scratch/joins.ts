import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
const text = readFileSync(process.argv[2], 'utf8')
const { doc, diagnostics } = importText(text)
const lines = text.split('\n')
for (const d of diagnostics) { const l = lines[d.line - 1]; console.log(d.line, d.column, JSON.stringify(l.slice(Math.max(0, d.column - 30), d.column + 10))) }
