/**
 * The numbers the text carries under the current resolutions: each Party's
 * assigned amount for the second period (with Option 3's reduction rates and
 * Option 5's Annex C conversions), the total, the aggregate reduction below
 * the base year beside X, and the member States' sum for joint fulfilment —
 * and, for every Party holding commitments of any kind, what they imply under
 * the counting rule (`shared/commitments/`), carried as intervals into the
 * totals and the aggregate. Each Party's row is a pure function of its own
 * inputs, so a change to one inscription recomputes one row.
 */
import {
  annexCFromBaseYearPct,
  annexCFromBudget,
  annexCFromReferenceYearPct,
  type AnnexCCommitment,
} from '../amounts/annex-c.ts'
import { assignedAmount } from '../amounts/assigned-amount.ts'
import { partyBaseYearUnderLulucfSentence } from '../amounts/lulucf.ts'
import { reductionRates, type ReductionRate } from '../amounts/reduction-rates.ts'
import { ggToTonnes } from '../amounts/units.ts'
import type { PartyFigure } from '../commitments/counting.ts'
import type { PartyCells } from '../commitments/terms.ts'
import type { Party } from '../parties/party.ts'
import {
  aggregateBasis,
  commitmentAggregate,
  type AggregateBasis,
  type CommitmentAggregate,
} from '../commitments/aggregate.ts'
import { commitmentTotals, type CommitmentTotals } from '../commitments/totals.ts'
import { partyFigure, type AbsoluteFigure } from './commitment-rows.ts'
import type { Evaluation } from './evaluate.ts'
import { inscriptionKey, type InscriptionColumn } from './inscriptions.ts'
import type { ModelDiagnostic } from './resolution.ts'
import { periodYears, type AggregateScope, type AnnexBLayout, type Period } from './variables.ts'

/** What every Party's row depends on besides its own inscriptions. */
export interface RowContext {
  years: number | null
  /** First year of the period (2013 when only the number of years is decided). */
  start: number | null
  layout: AnnexBLayout
  /** The 7 bis LULUCF sentence: kept, deleted, or not yet decided (the table's base year stands). */
  lulucf: boolean | undefined
}

/** One Party's second-period figures, or why there are none. */
export interface PartyResult {
  party: string
  iso: string
  /** The inscription that sets the amount, as written, and its unit. */
  inscribed: number | null
  unit: '%' | 'Gg'
  baseYearT: number | null
  years: number | null
  assignedAmountT: number | null
  /** True when a figure rests on an approximate base year or inventory. */
  approximate: boolean
  reductionRates?: ReductionRate[]
  annexC?: AnnexCCommitment
  missing?: string
  source: string
  /** Every commitment the Party holds (the QELRC included) and what they imply together. */
  commitments?: PartyFigure
}

/** The aggregate beside X, with its conditional end; null while no Party counts. */
export type ResultsAggregate = CommitmentAggregate

/** Everything computed from one evaluation. */
export interface Results {
  period: Period | null
  years: number | null
  layout: AnnexBLayout
  rows: PartyResult[]
  totalT: number
  aggregate: ResultsAggregate | null
  /** What the aggregate rests on and what it waits for (its headline counts them). */
  aggregateBasis: AggregateBasis
  /** Σ of the EU member States' amounts, for joint fulfilment (Article 4). */
  memberStatesT: number
  /** Totals over every Party's commitments, as intervals; null while the period is unresolved. */
  commitments: CommitmentTotals | null
  diagnostics: ModelDiagnostic[]
}

/** The context rows share, from the variables. */
export function rowContext(evaluation: Evaluation): RowContext {
  const v = evaluation.values
  const period = v['cp2.period'] as Period | undefined
  const years =
    (v['cp2.years'] as number | undefined) ??
    (period ? periodYears(period) : v.V !== undefined ? (v.V as number) - 2012 : null)
  return {
    years,
    start: years === null ? null : (period?.start ?? 2013),
    layout: (v['annexB.layout'] as AnnexBLayout | undefined) ?? 'percent',
    lulucf: v.lulucf as boolean | undefined,
  }
}

/** True when rows computed under `a` hold under `b`. */
export function sameRowContext(a: RowContext, b: RowContext): boolean {
  return a.years === b.years && a.start === b.start && a.layout === b.layout && a.lulucf === b.lulucf
}

/**
 * One Party's row, from its own cells (`cellsByParty`). Never throws: an
 * input the arithmetic refuses (a bad inscription in the shared map) becomes
 * the row's `missing` reason.
 */
export function partyResult(p: Party, cx: RowContext, cells: PartyCells): PartyResult {
  try {
    const absolute: { figure?: AbsoluteFigure } = {}
    const row = computeRow(p, cx, cells, absolute)
    if (cx.years !== null && cx.start !== null) {
      const figure = partyFigure(
        p,
        absolute.figure,
        cells,
        { start: cx.start, end: cx.start + cx.years - 1 },
        cx.layout,
      )
      if (figure) row.commitments = figure
    }
    return row
  } catch (e) {
    return {
      party: p.name,
      iso: p.iso,
      inscribed: null,
      unit: '%',
      baseYearT: null,
      years: cx.years,
      assignedAmountT: null,
      approximate: false,
      missing: (e as Error).message,
      source: '',
    }
  }
}

function computeRow(p: Party, cx: RowContext, cells: PartyCells, absolute: { figure?: AbsoluteFigure }): PartyResult {
  const gg = cx.layout === 'assigned-amount' || (cx.layout === 'annex-c' && cells.get('election') === 'gg')
  const row: PartyResult = {
    party: p.name,
    iso: p.iso,
    inscribed: null,
    unit: gg ? 'Gg' : '%',
    baseYearT: null,
    years: cx.years,
    assignedAmountT: null,
    approximate: false,
    source: '',
  }
  const base =
    p.baseYearT === undefined
      ? undefined
      : cx.lulucf === undefined
        ? { baseYearT: p.baseYearT, approximate: p.baseYearPrecision !== 'exact' }
        : partyBaseYearUnderLulucfSentence(p, cx.lulucf ? 'kept' : 'deleted')
  row.baseYearT = base?.baseYearT ?? null
  row.approximate = base?.approximate ?? false
  row.source = base
    ? row.approximate
      ? p.sources.baseYearT.includes('CAIT')
        ? 'base year approximate (CAIT 1990, with land-use change)'
        : 'base year approximate (inventory)'
      : 'base year exact (official first-period amount)'
    : 'no base year in the party table'
  if (cx.layout === 'annex-c') return annexCRow(p, row, cx, cells, absolute)
  const column: InscriptionColumn = cx.layout === 'assigned-amount' ? 'aaGg' : 'cp2'
  const inscribed = cell(cells, column)
  row.inscribed = inscribed ?? null
  if (inscribed === undefined) return { ...row, missing: 'no inscription' }
  if (cx.years === null) return { ...row, missing: 'commitment period not resolved' }
  const conditional = cell(cells, `${column}.conditional`)
  if (cx.layout === 'assigned-amount') {
    row.assignedAmountT = Math.round(ggToTonnes(inscribed))
    row.reductionRates = reductionRates({
      assignedAmountT: row.assignedAmountT,
      years: cx.years,
      emissionsT: inventoryT(p),
    })
    absolute.figure = {
      column,
      label: `${inscribed} Gg over the period`,
      periodT: ggToTonnes(inscribed),
      assignedAmountT: row.assignedAmountT,
      approximate: false,
      conditional:
        conditional === undefined
          ? undefined
          : {
              value: conditional,
              periodT: ggToTonnes(conditional),
              assignedAmountT: Math.round(ggToTonnes(conditional)),
            },
    }
    return row
  }
  if (p.iso === 'EU') return { ...row, missing: 'EU-15 base year only: see the member States (joint fulfilment)' }
  if (!base) return { ...row, missing: 'no base year in the party table' }
  const amount = assignedAmount({ qelrcPct: inscribed, baseYearT: base.baseYearT, years: cx.years })
  row.assignedAmountT = amount.tonnes
  const conditionalAmount =
    conditional === undefined
      ? undefined
      : assignedAmount({ qelrcPct: conditional, baseYearT: base.baseYearT, years: cx.years })
  absolute.figure = {
    column,
    label: `${inscribed} % of base year${conditional === undefined ? '' : ` (${conditional} % conditional)`}`,
    periodT: amount.unroundedTonnes,
    assignedAmountT: amount.tonnes,
    approximate: row.approximate,
    conditional: conditionalAmount && {
      value: conditional!,
      periodT: conditionalAmount.unroundedTonnes,
      assignedAmountT: conditionalAmount.tonnes,
    },
  }
  return row
}

// A plain function, not a closure per row: rows are recomputed on every change.
function cell(cells: PartyCells, column: string): number | undefined {
  const v = cells.get(column)
  return typeof v === 'number' ? v : undefined
}

const ANNEX_C_ORDER = ['annexC.baseYearPct', 'annexC.ref2007Pct', 'annexC.budgetGg'] as const

function annexCRow(
  p: Party,
  row: PartyResult,
  cx: RowContext,
  cells: PartyCells,
  absolute: { figure?: AbsoluteFigure },
): PartyResult {
  const budget = cell(cells, 'annexC.budgetGg')
  const ref2007 = p.inventoryKt[2007]
  if (cx.years === null) return { ...row, missing: 'commitment period not resolved' }
  if (row.baseYearT === null || ref2007 === undefined)
    return { ...row, missing: 'no base year or 2007 inventory in the party table' }
  const basis = { baseYearT: row.baseYearT, reference2007T: ggToTonnes(ref2007), years: cx.years }
  // Where no election is made, the percentage of base year is used (7 bis Option 3).
  const column =
    row.unit === 'Gg' && budget !== undefined
      ? 'annexC.budgetGg'
      : ANNEX_C_ORDER.find((c) => cell(cells, c) !== undefined)
  if (!column) return { ...row, missing: 'no inscription' }
  const figure = (value: number) => {
    const annexC =
      column === 'annexC.budgetGg'
        ? annexCFromBudget(value, basis)
        : column === 'annexC.ref2007Pct'
          ? annexCFromReferenceYearPct(value, basis)
          : annexCFromBaseYearPct(value, basis)
    const amount =
      row.unit === 'Gg' ? ggToTonnes(annexC.budgetGg) : (annexC.baseYearPct * basis.baseYearT * basis.years) / 100
    return { annexC, amount }
  }
  const inscribed = cell(cells, column)!
  const { annexC, amount } = figure(inscribed)
  const conditional = cell(cells, `${column}.conditional`)
  const c = conditional === undefined ? undefined : figure(conditional)
  absolute.figure = {
    column,
    label:
      column === 'annexC.budgetGg'
        ? `${inscribed} Gg over the period`
        : `${inscribed} % of ${column === 'annexC.ref2007Pct' ? '2007' : 'base year'}`,
    periodT: amount,
    assignedAmountT: Math.round(amount),
    approximate: true,
    conditional: c && { value: conditional!, periodT: c.amount, assignedAmountT: Math.round(c.amount) },
  }
  return {
    ...row,
    inscribed: row.unit === 'Gg' ? annexC.budgetGg : annexC.baseYearPct,
    annexC,
    assignedAmountT: Math.round(amount),
    approximate: true,
  }
}

function inventoryT(p: Party): Partial<Record<1990 | 2000 | 2005 | 2007, number>> {
  const out: Partial<Record<1990 | 2000 | 2005 | 2007, number>> = {}
  for (const y of [1990, 2000, 2005, 2007] as const)
    if (p.inventoryKt[y] !== undefined) out[y] = ggToTonnes(p.inventoryKt[y]!)
  return out
}

/** Parties by name, as `summarizeRows` looks them up. */
export type PartiesByName = ReadonlyMap<string, Party>

/** Totals, aggregate and diagnostics over the rows. */
export function summarizeRows(
  rows: PartyResult[],
  byName: PartiesByName,
  evaluation: Evaluation,
  cx: RowContext,
): Results {
  const v = evaluation.values
  const diagnostics = [...evaluation.diagnostics]
  if (cx.years === null)
    diagnostics.push({
      code: 'unresolved',
      message: 'the second commitment period is not resolved: no assigned amounts yet',
      ids: evaluation.sources['cp2.period'] ?? [],
    })
  // One pass: rows are recomputed on every change, 198 of them when every Party inscribes.
  const uninscribed: string[] = []
  const problems: ModelDiagnostic[] = []
  let totalT = 0
  let memberStatesT = 0
  const figures: PartyFigure[] = []
  for (const r of rows) {
    const p = byName.get(r.party)!
    if (r.inscribed === null && p.inNonPaperAnnexB) uninscribed.push(r.party)
    if (r.commitments) {
      figures.push(r.commitments)
      for (const c of r.commitments.commitments) {
        if (!c.problem) continue
        problems.push({
          code: 'commitment-value',
          message: `${r.party}: ${c.problem.field} ${c.problem.message}`,
          ids: [inscriptionKey(c.problem.field, r.party)],
        })
      }
    }
    if (r.assignedAmountT === null) continue
    totalT += r.assignedAmountT
    if (p.euCp2JointFulfilment && p.iso !== 'EU') memberStatesT += r.assignedAmountT
  }
  if (uninscribed.length && v['annexB.layout'] !== undefined) {
    diagnostics.push({
      code: 'missing-inscription',
      message: `${uninscribed.length} Parties of Annex B have no inscription in the chosen option`,
      ids: uninscribed,
    })
  }
  diagnostics.push(...problems)
  const commitments = cx.years === null ? null : commitmentTotals(figures, byName)
  const scope = (v['aggregate.scope'] as AggregateScope | undefined) ?? null
  const aggregate = commitments
    ? commitmentAggregate(rows, commitments, byName, scope, typeof v.X === 'number' ? v.X : undefined)
    : null
  const period = (v['cp2.period'] as Period | undefined) ?? null
  return {
    period,
    years: cx.years,
    layout: cx.layout,
    rows,
    totalT,
    aggregate,
    aggregateBasis: aggregateBasis(rows, aggregate, commitments, byName),
    memberStatesT,
    commitments,
    diagnostics,
  }
}
