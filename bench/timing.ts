/**
 * Timing a step for the benchmarks: warm-up runs, then the median and 95th
 * percentile of the timed runs, printed on one line.
 */

/** Runs `step` `runs` times after `warmup` untimed runs; prints median and p95, returns the median in ms. */
export function time(label: string, runs: number, step: (i: number) => void, warmup = Math.min(runs, 200)): number {
  for (let i = 0; i < warmup; i++) step(i)
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    step(i)
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!
  console.log(
    `${label.padEnd(58)} median ${(q(0.5) * 1000).toFixed(1).padStart(7)} µs   p95 ${(q(0.95) * 1000).toFixed(1).padStart(7)} µs`,
  )
  return q(0.5)
}
