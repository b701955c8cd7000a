/**
 * Yardstick benchmark: the income/cut yardstick (both periods) and Frankel's
 * paths for every Party over the century, recomputed after one inscription
 * changes — what an editor panel would redo on each delegation's proposal.
 * Run: `npx tsx bench/yardsticks.ts`. Prints median times.
 */
import { readFileSync } from 'node:fs'
import { defaultYardstickOptions, incomeCutYardstick } from '../shared/yardsticks/income-cut.ts'
import { frankelPath } from '../shared/yardsticks/frankel.ts'
import { frankelScenario } from '../shared/yardsticks/frankel-scenario.ts'
import { parseYardstickData, type Inscription } from '../shared/yardsticks/yardstick-data.ts'

const read = (f: string) => readFileSync(new URL(`../templates/yardsticks/${f}`, import.meta.url), 'utf8')
const files = { inscriptions: read('inscriptions.csv'), partyYears: read('party-years.csv'), world: read('world.csv') }

function median(runs: number, f: (i: number) => void): number {
  for (let i = 0; i < 20; i++) f(i) // warm-up
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    f(i)
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}

const data = parseYardstickData(files)
const parse = median(100, () => parseYardstickData(files))
let periods = 0
const recompute = median(500, (i) => {
  // One delegation changes its offer: Japan's first-period QELRC moves by a tenth of a point.
  const inscriptions: Inscription[] = data.inscriptions.map((x) =>
    x.party === 'Japan' ? { ...x, qelrc: { ...x.qelrc, cp1: 94 - (i % 50) / 10 } } : x,
  )
  incomeCutYardstick(data, inscriptions, defaultYardstickOptions.cp1)
  incomeCutYardstick(data, inscriptions, defaultYardstickOptions.cp2)
  const { parties } = frankelScenario(data, inscriptions)
  periods = 0
  for (const p of parties) periods += frankelPath(p).length
})
const yardstickOnly = median(500, () => incomeCutYardstick(data, data.inscriptions, defaultYardstickOptions.cp1))

process.stdout.write(
  [
    `parse templates/yardsticks (${data.inscriptions.length} Parties, ${[...data.years.values()].reduce((s, m) => s + m.size, 0)} Party-years): ${parse.toFixed(3)} ms median`,
    `income/cut yardstick, one period: ${yardstickOnly.toFixed(3)} ms median`,
    `one inscription change → both yardsticks + Frankel paths (${periods} Party-periods, 2010–2100): ${recompute.toFixed(3)} ms median`,
  ].join('\n') + '\n',
)
