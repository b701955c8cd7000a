/**
 * A proposal's "what if", read off two computations: how the proposing
 * Party's assigned amount and the aggregate reduction would move if it were
 * accepted — the two numbers a co-chair weighs before accepting.
 */
import type { WordsTakenOut } from '../../shared/consolidate/rejected-text.ts'
import type { Computation } from '../../shared/model/compute.ts'
import { formatPercent, formatTonnes } from '../format/number-format.ts'

/** The proposing Party's amount and the aggregate, now and if accepted. */
export interface WhatIfSummary {
  party: string
  amountNow: number | null
  amountThen: number | null
  aggregateNow: number | null
  aggregateThen: number | null
  /** Years of the commitment period now and then (a period proposal moves these). */
  yearsNow: number | null
  yearsThen: number | null
  /** The words of the text it would take out (null when the text is not at hand). */
  removes: WordsTakenOut | null
}

/** Compare the computation `now` with `then` (the proposal accepted) for `party`. */
export function summarizeWhatIf(
  party: string,
  now: Computation,
  then: Computation,
  removes: WordsTakenOut | null = null,
): WhatIfSummary {
  const amount = (c: Computation) => c.results.rows.find((r) => r.party === party)?.assignedAmountT ?? null
  const aggregate = (c: Computation) => c.results.aggregate?.reductionPct ?? null
  return {
    party,
    amountNow: amount(now),
    amountThen: amount(then),
    aggregateNow: aggregate(now),
    aggregateThen: aggregate(then),
    yearsNow: now.results.years,
    yearsThen: then.results.years,
    removes,
  }
}

/** The summary in one line: "Norway: 345 912 712 → 329 440 678 t (−16 472 034 t); aggregate 18.2 % → 18.2 % (+0.02 points)". */
export function describeWhatIf(s: WhatIfSummary): string {
  const parts: string[] = []
  if (s.amountNow === s.amountThen)
    parts.push(`${s.party}: ${s.amountNow === null ? 'no figure' : `${formatTonnes(s.amountNow)} t`} (unchanged)`)
  else if (s.amountNow === null || s.amountThen === null)
    parts.push(
      `${s.party}: ${s.amountNow === null ? 'no figure' : `${formatTonnes(s.amountNow)} t`} → ${s.amountThen === null ? 'no figure' : `${formatTonnes(s.amountThen)} t`}`,
    )
  else
    parts.push(
      `${s.party}: ${formatTonnes(s.amountNow)} → ${formatTonnes(s.amountThen)} t (${signed(s.amountThen - s.amountNow, formatTonnes)} t)`,
    )
  if (s.aggregateNow === null && s.aggregateThen === null) parts.push('aggregate: no inscriptions yet')
  else if (s.aggregateNow !== null && s.aggregateThen !== null) {
    // One Party moves the aggregate by hundredths of a point: the change is shown finer than the figure.
    const delta = s.aggregateThen - s.aggregateNow
    if (Math.abs(delta) < 0.005) parts.push(`aggregate ${formatPercent(s.aggregateNow)} % (unchanged)`)
    else
      parts.push(
        `aggregate ${formatPercent(s.aggregateNow)} % → ${formatPercent(s.aggregateThen)} % (${signed(delta, (n) => n.toFixed(2))} points)`,
      )
  } else
    parts.push(
      `aggregate ${s.aggregateNow === null ? '—' : `${formatPercent(s.aggregateNow)} %`} → ${s.aggregateThen === null ? '—' : `${formatPercent(s.aggregateThen)} %`}`,
    )
  if (s.yearsNow !== s.yearsThen) parts.push(`period ${s.yearsNow ?? '?'} → ${s.yearsThen ?? '?'} years`)
  if (s.removes?.count)
    parts.push(
      `removes ${s.removes.count} word${s.removes.count === 1 ? '' : 's'} of the text (${s.removes.firstLine === s.removes.lastLine ? `line ${s.removes.firstLine}` : `lines ${s.removes.firstLine}–${s.removes.lastLine}`})`,
    )
  return parts.join('; ')
}

function signed(n: number, format: (n: number) => string): string {
  return n < 0 ? `−${format(-n)}` : `+${format(n)}`
}
