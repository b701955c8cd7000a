/**
 * A Party's row meets its commitments: the QELRC the row computes becomes an
 * absolute commitment (with its conditional figure, if the Party gives one),
 * the other kinds are read from the Party's cells and evaluated for the
 * period, and the counting rule makes one figure of them. Pure, per Party, so
 * an inscription recomputes one row.
 */
import { countParty, type PartyFigure } from '../commitments/counting.ts'
import { impliedByTerms, type CommitmentResult, type PeriodSpan } from '../commitments/implied.ts'
import type { Interval } from '../commitments/interval.ts'
import { readCommitmentTerms, type PartyCells } from '../commitments/terms.ts'
import type { Party } from '../parties/party.ts'
import { splitInscriptionKey, type Inscriptions } from './inscriptions.ts'
import type { AnnexBLayout } from './variables.ts'

/** Every Party's cells, by Party and column. */
export type CellsByParty = Map<string, Map<string, number | string>>

/** Groups keyed cells (`cp2/Norway`) by Party. */
export function cellsByParty(inscriptions: Inscriptions): CellsByParty {
  const out: CellsByParty = new Map()
  for (const key in inscriptions) {
    const { column, party } = splitInscriptionKey(key)
    let cells = out.get(party)
    if (!cells) out.set(party, (cells = new Map()))
    cells.set(column, inscriptions[key]!)
  }
  return out
}

/** No cells. */
export const NO_CELLS: PartyCells = new Map()

/** The absolute commitment a row's QELRC makes: how it was inscribed and what it comes to. */
export interface AbsoluteFigure {
  /** The column that set the amount (`cp2`, `aaGg`, `annexC.budgetGg`…). */
  column: string
  label: string
  /** The amount before rounding, and as whole tonnes. */
  periodT: number
  assignedAmountT: number
  approximate: boolean
  /** The same for the conditional figure `column.conditional`, when the Party gives one. */
  conditional?: { value: number; periodT: number; assignedAmountT: number }
}

/** The absolute commitment as a result, or a problem when its conditional figure is upside down. */
export function absoluteResult(a: AbsoluteFigure, years: number): CommitmentResult {
  const period: Interval = { unconditional: a.periodT, conditional: a.conditional?.periodT ?? a.periodT }
  const result: CommitmentResult = {
    kind: 'absolute',
    column: a.column,
    label: a.label,
    short: a.conditional ? `QELRC, ${a.conditional.value} conditional` : 'QELRC',
    counting: 'economy-wide',
    periodT: period,
    targetYearT: { unconditional: period.unconditional / years, conditional: period.conditional / years },
    assignedAmountT: {
      unconditional: a.assignedAmountT,
      conditional: a.conditional?.assignedAmountT ?? a.assignedAmountT,
    },
    conditional: a.conditional !== undefined,
    assumptions: ['the assigned amount allows the same emissions every year of the period'],
    approximate: a.approximate,
  }
  if (a.conditional && a.conditional.periodT > a.periodT)
    result.problem = {
      field: `${a.column}.conditional`,
      message: `is ${a.conditional.value}, which allows more than the unconditional ${a.column}: a conditional offer must allow no more (the range is upside down); swap the two cells`,
    }
  return result
}

/** A Party's figure under the counting rule, or undefined when it holds no commitment. */
export function partyFigure(
  party: Party,
  absolute: AbsoluteFigure | undefined,
  cells: PartyCells,
  period: PeriodSpan,
  layout: AnnexBLayout,
): PartyFigure | undefined {
  const years = period.end - period.start + 1
  const results: CommitmentResult[] = absolute ? [absoluteResult(absolute, years)] : []
  const { terms, problems } = readCommitmentTerms(cells)
  for (const t of terms) results.push(impliedByTerms(party, t, period))
  for (const p of problems)
    results.push({
      kind: p.kind,
      column: p.field,
      label: p.field,
      short: p.field,
      counting: 'listed',
      conditional: false,
      assumptions: [],
      approximate: false,
      problem: { field: p.field, message: p.message },
    })
  return results.length ? countParty(party.name, results, layout, years) : undefined
}
