import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { outline } from '../shared/inspect/outline.ts'
const text = readFileSync(process.argv[2], 'utf8')
const { doc } = importText(text)
console.log(outline(doc))
