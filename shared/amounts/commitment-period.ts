/**
 * Commitment periods and the assigned amounts of every Party for one. The
 * non-paper leaves the second period open (`[2013 to 2017][2013 to 2020]` with
 * `[five][eight]`); Doha chose 2013-2020, eight years.
 */
import type { Party } from '../parties/party.ts'
import { assignedAmount, type AssignedAmount } from './assigned-amount.ts'
import { AmountInputError } from './input.ts'

/** A commitment period: first and last year, both included. */
export interface CommitmentPeriod {
  start: number
  end: number
  /** end − start + 1: the multiplier of the assigned amount. */
  years: number
}

/** Builds a period from its first and last year, checking they make sense. */
export function commitmentPeriod(start: number, end: number): CommitmentPeriod {
  if (!Number.isInteger(start) || start < 1990)
    throw new AmountInputError('start', start, 'must be a calendar year such as 2013')
  if (!Number.isInteger(end) || end < start)
    throw new AmountInputError('end', end, `must be a calendar year not before the start (${start})`)
  return { start, end, years: end - start + 1 }
}

/** The Kyoto Protocol's first commitment period, 2008-2012 (five years). */
export const FIRST_COMMITMENT_PERIOD = commitmentPeriod(2008, 2012)

/** The second period as Doha resolved it: 2013-2020, eight years. */
export const DOHA_SECOND_PERIOD = commitmentPeriod(2013, 2020)

/** The non-paper's other alternative: 2013-2017, five years. */
export const SHORT_SECOND_PERIOD = commitmentPeriod(2013, 2017)

/** One Party's inscription for a period: its QELRC and base year, or why there is none. */
export interface Inscription {
  party: string
  qelrcPct?: number
  baseYearT?: number
  baseYearApproximate: boolean
  /** Why no amount can be computed, when qelrcPct or baseYearT is missing. */
  missing?: string
}

/** The assigned amount of one Party for one period, or the reason there is none. */
export interface PeriodAmount {
  party: string
  period: CommitmentPeriod
  amount?: AssignedAmount
  missing?: string
}

/** Computes every inscribed Party's assigned amount for the period. */
export function periodAssignedAmounts(inscriptions: readonly Inscription[], period: CommitmentPeriod): PeriodAmount[] {
  return inscriptions.map((i) => {
    if (i.qelrcPct === undefined || i.baseYearT === undefined) {
      return {
        party: i.party,
        period,
        missing: i.missing ?? (i.qelrcPct === undefined ? 'no QELRC inscribed' : 'no base year in the party table'),
      }
    }
    return {
      party: i.party,
      period,
      amount: assignedAmount({
        qelrcPct: i.qelrcPct,
        baseYearT: i.baseYearT,
        years: period.years,
        baseYearApproximate: i.baseYearApproximate,
      }),
    }
  })
}

/** The first-period inscriptions of the party table (Kyoto Annex B, plus Belarus as the non-paper writes it). */
export function firstPeriodInscriptions(parties: readonly Party[]): Inscription[] {
  return parties.map((p) => ({
    party: p.name,
    qelrcPct: p.qelrcCp1Pct,
    baseYearT: p.baseYearT,
    baseYearApproximate: p.baseYearPrecision !== 'exact',
    missing: p.qelrcCp1Pct === undefined ? 'no first-period QELRC (not in the 1997 Annex B)' : undefined,
  }))
}

/**
 * Doha's second-period inscriptions. The Union's row is left out on purpose:
 * the table's European Community base year is the first-period EU-15 bubble,
 * while Doha's joint 80 % covers the EU-28 and Iceland, so multiplying the two
 * would be wrong; sum the member States' amounts instead.
 */
export function dohaInscriptions(parties: readonly Party[]): Inscription[] {
  return parties.map((p) => {
    if (p.iso === 'EU') {
      return {
        party: p.name,
        baseYearApproximate: true,
        missing:
          'the table holds the EU-15 base year of the first period; the second-period joint amount covers EU-28 and Iceland: sum the member States',
      }
    }
    return {
      party: p.name,
      qelrcPct: p.qelrcCp2Pct,
      baseYearT: p.baseYearT,
      baseYearApproximate: p.baseYearPrecision !== 'exact',
      missing:
        p.qelrcCp2Pct === undefined
          ? 'no second-period QELRC in the data (Doha second table missing, or not a Party to the Amendment)'
          : undefined,
    }
  })
}
