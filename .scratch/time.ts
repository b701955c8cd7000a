import { readFileSync } from 'node:fs'
import { importText } from '../shared/import/index.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../shared/consolidate/removal-check.ts'
import { readRejections } from '../shared/consolidate/rejected-text.ts'
import { sourceMap } from '../shared/serialize/source-map.ts'
const { doc } = importText(readFileSync(process.argv[2], 'utf8'))
const sc = { resolutions: { o20: 'chosen' }, values: {}, inscriptions: {} }
const time = (name: string, f: () => unknown) => { f(); const t = performance.now(); for (let i = 0; i < 5; i++) f(); console.log(name, ((performance.now() - t) / 5).toFixed(1), 'ms') }
const c = consolidate(doc, sc)
time('consolidate', () => consolidate(doc, sc))
time('sourceMap', () => sourceMap(doc))
time('readRejections', () => readRejections(doc, sc))
time('check', () => checkRemovals(doc, sc, c.doc))
