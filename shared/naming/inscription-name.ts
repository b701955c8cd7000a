/**
 * An inscription's cell as the text calls it: "Australia’s QELRC for 2013–2020 (Annex B)",
 * never its key `cp2/Australia`. The second period's years are the ones the text has
 * chosen, when it has.
 */
import { inscriptionColumnSpec } from '../model/inscriptions.ts'
import type { Period } from '../model/variables.ts'
import { possessive } from './node-name.ts'

/** `2013–2020`, or what the text says while the period is open. */
function periodWords(period: Period | null | undefined, which: 'second' | 'third'): string {
  if (which === 'third') return 'the third period'
  return period ? `${period.start}–${period.end}` : 'the second period'
}

/** The name of inscription cell `key` (`column/Party`); `period` is the second period when chosen. */
export function nameInscription(key: string, period?: Period | null): string {
  const cut = key.indexOf('/')
  if (cut < 1) return `the inscription ${key}`
  const column = key.slice(0, cut)
  const party = possessive(key.slice(cut + 1))
  switch (column) {
    case 'cp2':
      return `${party} QELRC for ${periodWords(period, 'second')} (Annex B)`
    case 'cp3':
      return `${party} QELRC for ${periodWords(period, 'third')} (Annex B)`
    case 'aaGg':
      return `${party} assigned amount in Gg for ${periodWords(period, 'second')} (Annex B)`
    case 'annexC.baseYearPct':
      return `${party} commitment as a percentage of its base year (Annex C)`
    case 'annexC.ref2007Pct':
      return `${party} commitment as a percentage of 2007 (Annex C)`
    case 'annexC.budgetGg':
      return `${party} budget in Gg (Annex C)`
    case 'election':
      return `${party} election of gigagrams or percentage (paragraph 7 bis)`
    default: {
      // Commitments of other kinds (Annex B.I, Annex C): the column's own description names it.
      const spec = inscriptionColumnSpec(column)
      return spec ? `${party} ${spec.description.replace(/ \(.*\)$/, '')}` : `${party} entry in the column ${column}`
    }
  }
}

/** The unit a value in `key`'s column is written with: ` %`, ` Gg`, ` Mt`, or nothing (a year, a text). */
export function inscriptionUnit(key: string): string {
  const column = key.slice(0, key.indexOf('/'))
  const kind = inscriptionColumnSpec(column)?.value
  if (kind === 'percent-cut' || kind === 'growth') return ' %'
  if (kind !== 'positive') return ''
  return /Gg(\.|$)/.test(column) ? ' Gg' : /Mt(\.|$)/.test(column) ? ' Mt' : ' %'
}
