/**
 * Import speed: the template and a generated text 100× its size (the template's
 * articles repeated with their brackets, tables and footnotes). Prints MB/s and
 * the per-byte time ratio between the two (linear means ≈ 1).
 *
 *   node --expose-gc --import tsx bench/import.ts
 */
import { readFileSync } from 'node:fs'
import { importText, readAnnotations } from '../shared/import/index.ts'
import { serializeText } from '../shared/serialize/plain.ts'

const dir = new URL('../templates/non-paper/', import.meta.url)
const template = readFileSync(new URL('text.txt', dir), 'utf8')
const annotations = readAnnotations(JSON.parse(readFileSync(new URL('annotations.json', dir), 'utf8')))
const large = Array.from({ length: 100 }, () => template).join('\n')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function measure(name: string, text: string, runs: number, withAnnotations: boolean) {
  const bytes = Buffer.byteLength(text)
  for (let i = 0; i < Math.max(3, runs); i++) importText(text) // warm-up: let the JIT settle
  const importMs: number[] = []
  const serializeMs: number[] = []
  const collect = (globalThis as { gc?: () => void }).gc
  for (let i = 0; i < runs; i++) {
    // Collect the previous run's document outside the timed region: a real import
    // does not pay for the garbage of the import before it.
    collect?.()
    let t = performance.now()
    const { doc } = importText(text, withAnnotations ? { annotations } : {})
    importMs.push(performance.now() - t)
    t = performance.now()
    if (serializeText(doc) !== text) throw new Error(`${name}: round trip differs`)
    serializeMs.push(performance.now() - t)
  }
  const ms = median(importMs)
  const row = {
    name,
    bytes,
    importMs: ms,
    mbPerS: bytes / 1e6 / (ms / 1000),
    serializeMs: median(serializeMs),
    nsPerByte: (ms * 1e6) / bytes,
  }
  console.log(
    `${name.padEnd(10)} ${(bytes / 1e6).toFixed(3).padStart(7)} MB  import ${ms.toFixed(1).padStart(7)} ms  ${row.mbPerS.toFixed(1).padStart(6)} MB/s  serialize ${row.serializeMs.toFixed(1).padStart(6)} ms`,
  )
  return row
}

const small = measure('template', template, 41, true)
const big = measure('100×', large, 7, false)
console.log(
  `per-byte time ratio (100× / template): ${(big.nsPerByte / small.nsPerByte).toFixed(2)}${(globalThis as { gc?: unknown }).gc ? '' : '  (run with --expose-gc to collect between runs)'}`,
)
