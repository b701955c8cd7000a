/**
 * The kinds of commitment the non-paper and the papers it came with describe
 * (seeds 000, 001, 002): each with what it needs, what it implies for a period,
 * how it counts, and which Annex options take it. Data, so the panel, the CLI
 * and the docs describe them the same way.
 */
import type { AnnexBLayout } from '../model/variables.ts'

/** A kind of commitment. */
export type CommitmentKind = 'absolute' | 'intensity' | 'bau-deviation' | 'policies-and-measures' | 'sectoral'

/** How a kind's tonnes count: as a limit on the whole economy, a cut in one sector, or not at all. */
export type Counting = 'economy-wide' | 'sectoral' | 'listed'

/** What a kind is. */
export interface CommitmentKindSpec {
  label: string
  /** The cells it reads (columns; `<name>` stands for the entry's slug). */
  needs: readonly string[]
  implies: string
  counting: Counting
  /** The Annex options whose tables take it. */
  layouts: readonly AnnexBLayout[]
}

/** Every kind, by id. */
export const COMMITMENT_KINDS: Record<CommitmentKind, CommitmentKindSpec> = {
  absolute: {
    label: 'absolute (QELRC)',
    needs: ['cp2 or aaGg or annexC.*', '(conditional: the same column + .conditional)'],
    implies:
      'the assigned amount: % of base year × base year × years, or the Gg inscribed; emissions at that level every year',
    counting: 'economy-wide',
    layouts: ['percent', 'percent-two-periods', 'assigned-amount', 'annex-b1', 'annex-c'],
  },
  intensity: {
    label: 'intensity',
    needs: [
      'intensity.pct',
      'intensity.baseYear',
      'intensity.targetYear',
      'intensity.gdpGrowthPct (or the data’s trend)',
    ],
    implies:
      'emissions per unit of GDP falling in a straight line from the base year to the target year, then held, times a GDP path growing at a stated rate from the base year',
    counting: 'economy-wide',
    layouts: ['annex-b1', 'annex-c'],
  },
  'bau-deviation': {
    label: 'deviation below business as usual',
    needs: ['bau.pct', 'bau.targetYear', 'bau.targetMt or bau.growthPct (or the data’s log-linear trend)'],
    implies:
      'the BAU path (the data, then a stated or trend growth) less the stated per cent, in every year of the period',
    counting: 'economy-wide',
    layouts: ['annex-b1', 'annex-c'],
  },
  'policies-and-measures': {
    label: 'policies and measures',
    needs: ['pam.<name>', 'pam.<name>.effectMt and pam.<name>.source (optional)'],
    implies: 'no number by itself; an estimated effect is listed and totalled apart, never added to the emissions',
    counting: 'listed',
    layouts: ['annex-b1', 'annex-c'],
  },
  sectoral: {
    label: 'sectoral',
    needs: [
      'sectoral.<name>',
      'sectoral.<name>.cutMt',
      'sectoral.<name>.counting',
      'sectoral.<name>.sectorMt (optional)',
    ],
    implies:
      'a cut in one sector: counted toward the economy-wide figure (no tonne added) or additional to it (subtracted once per sector)',
    counting: 'sectoral',
    layouts: ['annex-b1', 'annex-c'],
  },
}

/** True when the tables of `layout` take commitments of `kind`. */
export function takenBy(kind: CommitmentKind, layout: AnnexBLayout): boolean {
  return COMMITMENT_KINDS[kind].layouts.includes(layout)
}
