import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { structureOutline } from '../shared/inspect/structure-outline.ts'
const { doc } = importText(readFileSync(process.argv[2], 'utf8'))
doc.descendants((n) => { if (n.type.name === 'heading' && n.attrs.rank === null && n.attrs.level !== 'option') console.log(n.attrs.level, n.textContent.slice(0, 60)); return !n.isTextblock })
