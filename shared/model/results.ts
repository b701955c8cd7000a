/**
 * The numbers the text carries under the current resolutions: each Party's
 * assigned amount for the second period (with Option 3's reduction rates and
 * Option 5's Annex C conversions), the total, the aggregate reduction below
 * the base year beside X, and the member States' sum for joint fulfilment.
 * Each Party's row is a pure function of its own inputs, so a change to one
 * inscription recomputes one row.
 */
import {
  againstTarget,
  aggregateReduction,
  type AggregateAgainstTarget,
  type AggregateReduction,
} from '../amounts/aggregate.ts'
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
import type { Party } from '../parties/party.ts'
import type { Evaluation } from './evaluate.ts'
import { inscriptionKey, type InscriptionColumn, type Inscriptions } from './inscriptions.ts'
import type { ModelDiagnostic } from './resolution.ts'
import { periodYears, type AnnexBLayout, type Period } from './variables.ts'

/** What every Party's row depends on besides its own inscriptions. */
export interface RowContext {
  years: number | null
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
}

/** Everything computed from one evaluation. */
export interface Results {
  period: Period | null
  years: number | null
  layout: AnnexBLayout
  rows: PartyResult[]
  totalT: number
  aggregate: AggregateReduction | AggregateAgainstTarget | null
  /** Σ of the EU member States' amounts, for joint fulfilment (Article 4). */
  memberStatesT: number
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
    layout: (v['annexB.layout'] as AnnexBLayout | undefined) ?? 'percent',
    lulucf: v.lulucf as boolean | undefined,
  }
}

/**
 * One Party's row. Never throws: an input the arithmetic refuses (a bad
 * inscription in the shared map) becomes the row's `missing` reason.
 */
export function partyResult(p: Party, cx: RowContext, inscriptions: Inscriptions): PartyResult {
  try {
    return computeRow(p, cx, inscriptions)
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

function computeRow(p: Party, cx: RowContext, inscriptions: Inscriptions): PartyResult {
  const gg =
    cx.layout === 'assigned-amount' ||
    (cx.layout === 'annex-c' && inscriptions[inscriptionKey('election', p.name)] === 'gg')
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
      ? 'base year approximate (inventory)'
      : 'base year exact (official first-period amount)'
    : 'no base year in the party table'
  if (cx.layout === 'annex-c') return annexCRow(p, row, cx, inscriptions)
  const inscribed = cell(inscriptions, cx.layout === 'assigned-amount' ? 'aaGg' : 'cp2', p.name)
  row.inscribed = inscribed ?? null
  if (inscribed === undefined) return { ...row, missing: 'no inscription' }
  if (cx.years === null) return { ...row, missing: 'commitment period not resolved' }
  if (cx.layout === 'assigned-amount') {
    row.assignedAmountT = Math.round(ggToTonnes(inscribed))
    row.reductionRates = reductionRates({
      assignedAmountT: row.assignedAmountT,
      years: cx.years,
      emissionsT: inventoryT(p),
    })
    return row
  }
  if (p.iso === 'EU') return { ...row, missing: 'EU-15 base year only: see the member States (joint fulfilment)' }
  if (!base) return { ...row, missing: 'no base year in the party table' }
  row.assignedAmountT = assignedAmount({ qelrcPct: inscribed, baseYearT: base.baseYearT, years: cx.years }).tonnes
  return row
}

// A plain function, not a closure per row: rows are recomputed on every change.
function cell(inscriptions: Inscriptions, column: InscriptionColumn, party: string): number | undefined {
  return inscriptions[inscriptionKey(column, party)] as number | undefined
}

function annexCRow(p: Party, row: PartyResult, cx: RowContext, inscriptions: Inscriptions): PartyResult {
  const byPct = cell(inscriptions, 'annexC.baseYearPct', p.name)
  const refPct = cell(inscriptions, 'annexC.ref2007Pct', p.name)
  const budget = cell(inscriptions, 'annexC.budgetGg', p.name)
  const ref2007 = p.inventoryKt[2007]
  if (cx.years === null) return { ...row, missing: 'commitment period not resolved' }
  if (row.baseYearT === null || ref2007 === undefined)
    return { ...row, missing: 'no base year or 2007 inventory in the party table' }
  const basis = { baseYearT: row.baseYearT, reference2007T: ggToTonnes(ref2007), years: cx.years }
  // Where no election is made, the percentage of base year is used (7 bis Option 3).
  const annexC =
    row.unit === 'Gg' && budget !== undefined
      ? annexCFromBudget(budget, basis)
      : byPct !== undefined
        ? annexCFromBaseYearPct(byPct, basis)
        : refPct !== undefined
          ? annexCFromReferenceYearPct(refPct, basis)
          : budget !== undefined
            ? annexCFromBudget(budget, basis)
            : undefined
  if (!annexC) return { ...row, missing: 'no inscription' }
  const amount =
    row.unit === 'Gg' ? ggToTonnes(annexC.budgetGg) : (annexC.baseYearPct * basis.baseYearT * cx.years) / 100
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
  const uninscribed = rows
    .filter((r) => r.inscribed === null && byName.get(r.party)?.inNonPaperAnnexB)
    .map((r) => r.party)
  if (uninscribed.length && v['annexB.layout'] !== undefined) {
    diagnostics.push({
      code: 'missing-inscription',
      message: `${uninscribed.length} Parties of Annex B have no inscription in the chosen option`,
      ids: uninscribed,
    })
  }
  let totalT = 0
  let memberStatesT = 0
  const entries = []
  for (const r of rows) {
    if (r.assignedAmountT === null) continue
    totalT += r.assignedAmountT
    const p = byName.get(r.party)!
    if (p.euCp2JointFulfilment && p.iso !== 'EU') memberStatesT += r.assignedAmountT
    if (r.unit === '%' && r.inscribed !== null && r.baseYearT !== null && cx.layout !== 'annex-c') {
      entries.push({ party: r.party, qelrcPct: r.inscribed, baseYearT: r.baseYearT, approximate: r.approximate })
    }
  }
  const aggregate = entries.length ? aggregateReduction(entries) : null
  const withTarget = aggregate && typeof v.X === 'number' ? againstTarget(aggregate, v.X) : aggregate
  const period = (v['cp2.period'] as Period | undefined) ?? null
  return { period, years: cx.years, layout: cx.layout, rows, totalT, aggregate: withTarget, memberStatesT, diagnostics }
}
