/**
 * Import speed on any texts: `npm run bench:import -- FILE…` prints one line per
 * file (bytes, median import ms, MB/s, median serialize ms) and, last, one JSON
 * line with every figure and the per-byte time ratio of each file to the first.
 * With no FILE it measures the template, the corpus texts beside the checkout
 * (`../shared/corpus`) and their concatenation (about 1 MB with the template
 * repeated), so the figures of one run can be compared with each other.
 *
 *   npm run bench:import -- ../shared/corpus/bbnj_further_revised_draft_2022-06-01.txt
 *   node --cpu-prof --import tsx bench/import.ts FILE   (then open the .cpuprofile)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { importText } from '../shared/import/index.ts'
import { serializeText } from '../shared/serialize/plain.ts'

const root = resolve(new URL('..', import.meta.url).pathname)

interface Input {
  name: string
  text: string
}

function inputs(args: string[]): Input[] {
  const files = args.filter((a) => !a.startsWith('--'))
  if (files.length) return files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }))
  const template = readFileSync(join(root, 'templates/non-paper/text.txt'), 'utf8')
  const list: Input[] = [{ name: 'template', text: template }]
  const corpus = resolve(root, process.env.ACCORD_SHARED ?? '../shared', 'corpus')
  if (existsSync(corpus)) {
    for (const f of readdirSync(corpus).sort())
      if (/\.(txt|md)$/.test(f) && f !== 'README.md')
        list.push({ name: f, text: readFileSync(join(corpus, f), 'utf8') })
    const real = list.slice(1).map((x) => x.text)
    // About 1 MB of real text: the corpus texts, then again, until the size is reached.
    const parts: string[] = []
    for (let size = 0; size < 1e6 && real.length;) for (const t of real) (parts.push(t), (size += t.length))
    if (parts.length) list.push({ name: 'corpus ×' + (parts.length / real.length).toFixed(0), text: parts.join('\n') })
  }
  return list
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function measure({ name, text }: Input) {
  const bytes = Buffer.byteLength(text)
  const runs = Math.max(5, Math.min(41, Math.round(4e6 / bytes)))
  const importMs: number[] = []
  const serializeMs: number[] = []
  const collect = (globalThis as { gc?: () => void }).gc
  for (let i = 0; i < runs; i++) {
    // Collect the previous run's document outside the timed region.
    collect?.()
    let t = performance.now()
    const { doc } = importText(text)
    importMs.push(performance.now() - t)
    t = performance.now()
    if (serializeText(doc) !== text.replace(/^ +$/gm, '')) throw new Error(`${name}: round trip differs`)
    serializeMs.push(performance.now() - t)
  }
  const ms = median(importMs)
  return {
    name,
    bytes,
    runs,
    importMs: +ms.toFixed(2),
    mbPerS: +(bytes / 1e6 / (ms / 1000)).toFixed(2),
    serializeMs: +median(serializeMs).toFixed(2),
    nsPerByte: +((ms * 1e6) / bytes).toFixed(1),
  }
}

const list = inputs(process.argv.slice(2))
// Warm up on every text first: the JIT settles on all of them, so the first file is not the slow one.
for (let i = 0; i < 3; i++) for (const x of list) importText(x.text)
const rows = list.map(measure)
for (const r of rows)
  console.log(
    `${r.name.slice(0, 44).padEnd(44)} ${String(r.bytes).padStart(9)} B  import ${r.importMs.toFixed(1).padStart(7)} ms  ${r.mbPerS.toFixed(1).padStart(6)} MB/s  serialize ${r.serializeMs.toFixed(1).padStart(6)} ms`,
  )
const first = rows[0]
console.log(
  JSON.stringify({
    files: rows.map((r) => ({ ...r, perByteRatioToFirst: +(r.nsPerByte / first.nsPerByte).toFixed(2) })),
    gc: Boolean((globalThis as { gc?: unknown }).gc),
  }),
)
