/**
 * Import speed on any texts: `npm run bench:import -- FILE…` prints one line per
 * file (bytes, median import ms, MB/s, median serialize ms) and, last, one JSON
 * line with every figure and the per-byte time ratio of each file to the first.
 * Beside wall time it gives this process's CPU time per import: on a machine
 * other processes share, the figure they disturb least.
 * Plain text, Markdown and Word files (.docx: the importer on the text the Word
 * reader gives; the reader itself is `bench/docx-import.ts`'s). With no FILE it
 * measures the template, the corpus texts beside the checkout (`../shared/corpus`)
 * and their concatenation (about 1 MB), so the figures of one run compare.
 * `--baseline DIR` also times the importer of another checkout (DIR/shared/import)
 * on the same texts, interleaved run by run, and prints the ratio: what a change
 * to the importer costs, measured beside it on the same loaded machine.
 *
 *   npm run bench:import -- ../shared/corpus/bbnj_further_revised_draft_2022-06-01.txt
 *   npm run bench:import -- --baseline /work/main
 *   node --cpu-prof --import tsx bench/import.ts FILE   (then open the .cpuprofile)
 *
 * No forced collection between runs: a full GC before each run made the next
 * import several times slower here (a cold heap), which no real import pays.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { importText } from '../shared/import/index.ts'
import { serializeText } from '../shared/serialize/plain.ts'
import { readSourceFile } from '../shared/source-file/read.ts'

const root = resolve(new URL('..', import.meta.url).pathname)

interface Input {
  name: string
  text: string
}

async function inputs(files: string[]): Promise<Input[]> {
  if (files.length)
    return Promise.all(
      files.map(async (f) => {
        const source = await readSourceFile(new Uint8Array(readFileSync(f)), basename(f))
        return { name: basename(f) + (source.kind === 'docx' ? ' (Word text)' : ''), text: source.text }
      }),
    )
  const template = readFileSync(join(root, 'templates/non-paper/text.txt'), 'utf8')
  const list: Input[] = [{ name: 'template', text: template }]
  const corpus = resolve(root, '../shared/corpus')
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

type Importer = (text: string) => unknown

function measure({ name, text }: Input, baseline?: Importer) {
  const bytes = Buffer.byteLength(text)
  const runs = Math.max(5, Math.min(41, Math.round(4e6 / bytes)))
  const importMs: number[] = []
  const baselineMs: number[] = []
  const serializeMs: number[] = []
  const cpuMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage()
    let t = performance.now()
    const { doc } = importText(text)
    importMs.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpuMs.push((used.user + used.system) / 1000)
    t = performance.now()
    if (serializeText(doc) !== text.replace(/^ +$/gm, '')) throw new Error(`${name}: round trip differs`)
    serializeMs.push(performance.now() - t)
    if (baseline) {
      t = performance.now()
      baseline(text)
      baselineMs.push(performance.now() - t)
    }
  }
  const ms = median(importMs)
  const cpu = median(cpuMs)
  return {
    name,
    bytes,
    runs,
    importMs: +ms.toFixed(2),
    mbPerS: +(bytes / 1e6 / (ms / 1000)).toFixed(2),
    serializeMs: +median(serializeMs).toFixed(2),
    // CPU time of this process: what other processes on a shared machine disturb least.
    cpuMs: +cpu.toFixed(2),
    cpuMbPerS: +(bytes / 1e6 / (cpu / 1000)).toFixed(2),
    nsPerByte: +((ms * 1e6) / bytes).toFixed(1),
    ...(baseline
      ? { baselineMs: +median(baselineMs).toFixed(2), ratioToBaseline: +(ms / median(baselineMs)).toFixed(2) }
      : {}),
  }
}

const args = process.argv.slice(2)
const at = args.indexOf('--baseline')
const baselineDir = at >= 0 ? args[at + 1] : undefined
const files = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1))
const baseline: Importer | undefined = baselineDir
  ? ((await import(resolve(baselineDir, 'shared/import/index.ts'))) as { importText: Importer }).importText
  : undefined
const list = await inputs(files)
// Warm up on every text first: the JIT settles on all of them, so the first file is not the slow one.
for (let i = 0; i < 3; i++) for (const x of list) (importText(x.text), baseline?.(x.text))
const rows = list.map((x) => measure(x, baseline))
for (const r of rows)
  console.log(
    `${r.name.slice(0, 44).padEnd(44)} ${String(r.bytes).padStart(9)} B  import ${r.importMs.toFixed(1).padStart(7)} ms  ${r.mbPerS.toFixed(1).padStart(6)} MB/s  (cpu ${r.cpuMs.toFixed(1).padStart(6)} ms ${r.cpuMbPerS.toFixed(1).padStart(5)} MB/s)  serialize ${r.serializeMs.toFixed(1).padStart(6)} ms` +
      (r.baselineMs === undefined ? '' : `  baseline ${r.baselineMs.toFixed(1).padStart(7)} ms  ×${r.ratioToBaseline}`),
  )
const first = rows[0]
console.log(
  JSON.stringify({
    files: rows.map((r) => ({ ...r, perByteRatioToFirst: +(r.nsPerByte / first.nsPerByte).toFixed(2) })),
    ...(baselineDir ? { baseline: baselineDir } : {}),
  }),
)
