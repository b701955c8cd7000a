import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { readRejections } from '../shared/consolidate/rejected-text.ts'
import { sourceMap } from '../shared/serialize/source-map.ts'
import { indexDocument } from '../shared/model/document-index.ts'
import { serializeText } from '../shared/serialize/plain.ts'
const { doc } = importText(readFileSync(process.argv[2], 'utf8'))
const sc = { resolutions: { o20: 'chosen' }, values: {}, inscriptions: {} }
const time = (name: string, f: () => unknown) => { for (let i = 0; i < 5; i++) f(); const t = performance.now(); for (let i = 0; i < 20; i++) f(); console.log(name, ((performance.now() - t) / 20).toFixed(1), 'ms') }
time('serialize', () => serializeText(doc))
time('sourceMap', () => sourceMap(doc, (n) => n.type.name === 'option'))
time('index', () => indexDocument(doc))
time('readRejections', () => readRejections(doc, sc))
