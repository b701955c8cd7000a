/**
 * The load generator's median table (the one `compare.mjs` prints), read back from its
 * JSON-lines results: for runs made by several `compare.mjs` invocations into one file.
 */
import { readFileSync } from 'node:fs'

type Run = Record<string, any>

const columns: [string, (run: Run) => number | undefined][] = [
  ['connect p50', (j) => j.connect?.median],
  ['connect p99', (j) => j.connect?.p99],
  ['sync p50', (j) => j.sync?.median],
  ['sync p99', (j) => j.sync?.p99],
  ['fan-out p50', (j) => j.latencyMs?.recv.median],
  ['p95', (j) => j.latencyMs?.recv.p95],
  ['p99', (j) => j.latencyMs?.recv.p99],
  ['max', (j) => j.latencyMs?.recv.max],
  ['last-rcv p99', (j) => j.latencyMs?.fullFanout.p99],
  ['lost', (j) => j.edits?.lostEdits],
  ['conv', (j) => (j.convergence?.converged ? 1 : 0)],
  ['srv %core', (j) => j.cpu?.serverPctOfOneCore],
  ['gen %core', (j) => j.cpu?.loadgenPctOfOneCore],
  ['machine %', (j) => j.cpu?.systemBusyPct],
]

const median = (xs: (number | undefined)[]): number | undefined => {
  const sorted = xs.filter((x): x is number => typeof x === 'number').sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined
}

const figure = (x: number | undefined): string =>
  x === undefined ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)

/** A markdown table of medians per server and client count over the runs in `file`. */
export function fanoutTable(file: string): string {
  const runs: Run[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((run) => !run.aborted)
  const groups = new Map<string, Run[]>()
  for (const run of runs) {
    const key = `${String(run.label).split(' ')[0]} | ${run.clients}`
    groups.set(key, [...(groups.get(key) ?? []), run])
  }
  const lines = [
    `results: ${file} (ms; median over the runs of each row; fan-out = per delivery, writer ws.send -> receiver socket)`,
    `| server | N | runs | ${columns.map(([name]) => name).join(' | ')} |`,
    `|${' --- |'.repeat(columns.length + 3)}`,
  ]
  for (const [key, group] of groups) {
    const cells = columns.map(([name, get]) =>
      name === 'conv'
        ? group.every((run) => run.convergence?.converged)
          ? 'yes'
          : 'NO'
        : name === 'lost'
          ? String(Math.max(...group.map((run) => get(run) ?? 0)))
          : figure(median(group.map(get))),
    )
    lines.push(`| ${key} | ${group.length} | ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}
