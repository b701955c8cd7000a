/**
 * The commitments part of `accord compute`'s report: every Party holding a
 * commitment beyond a plain QELRC (another kind, a conditional figure, a
 * problem), what each implies, the counting rule's figure, the totals as
 * intervals and the assumptions; and the side-by-side comparison of
 * `--side-by-side PARTY`. Plain text for a secretariat officer's terminal.
 */
import type { PartyFigure } from '../../shared/commitments/counting.ts'
import { bounds, isExact, type Interval } from '../../shared/commitments/interval.ts'
import type { SideBySide } from '../../shared/commitments/side-by-side.ts'
import type { Results } from '../../shared/model/results.ts'

const mt = (t: number) => (t / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })

/** An interval of tonnes in Mt: `9,105.3` or `8,321.0–9,105.3 (cond.–uncond.)`. */
export function formatMt(i: Interval | null | undefined): string {
  if (!i) return '—'
  if (isExact(i)) return mt(i.unconditional)
  const [low, high] = bounds(i)
  return `${mt(low)}–${mt(high)}`
}

/** True when a Party's figure says more than its QELRC row already does. */
export function beyondQelrc(f: PartyFigure): boolean {
  return f.commitments.some((c) => c.kind !== 'absolute' || c.conditional || c.problem) || f.notInForce.length > 0
}

/** The commitments section, or '' when every Party holds a plain QELRC only. */
export function formatCommitments(results: Results): string {
  const figures = results.rows.map((r) => r.commitments).filter((f): f is PartyFigure => !!f && beyondQelrc(f))
  if (!figures.length || !results.commitments) return ''
  const lines = ['', 'Commitments (Mt CO₂ eq; a range is conditional–unconditional; ~ approximate):']
  for (const f of figures) {
    lines.push(
      `  ${f.party}: ${formatMt(f.annualT)} a year, ${formatMt(f.periodT)} over the period${f.assignedAmountT ? `; assigned amount ${formatMt(f.assignedAmountT)}` : ''}${f.approximate ? ' ~' : ''}`,
    )
    for (const c of f.commitments) {
      const state = c.problem
        ? `not counted: ${c.problem.field} ${c.problem.message}`
        : f.notInForce.includes(c.column)
          ? 'not in force under the chosen Annex option'
          : c.periodT
            ? `${formatMt(c.targetYearT)} in ${c.targetYear ?? 'each year'}, ${formatMt(c.periodT)} over the period${c.column === f.binding ? ' (binds)' : ''}`
            : c.cutT
              ? `${formatMt(c.cutT)} a year${c.kind === 'policies-and-measures' ? ' estimated, not added' : ''}`
              : 'listed'
      lines.push(`    - [${c.kind}] ${c.label}: ${state}`)
      for (const a of c.problem ? [] : c.assumptions) lines.push(`        assumes ${a}`)
    }
    for (const n of f.notes) lines.push(`    · ${n}`)
  }
  const t = results.commitments
  lines.push(
    `  Total over ${t.counted.length} Parties: ${formatMt(t.annualT)} a year, ${formatMt(t.periodT)} over the period; assigned amounts ${formatMt(t.assignedAmountT)}`,
    `  Sectoral cuts: additional ${formatMt(t.additionalCutT)}, toward (inside the figures) ${formatMt(t.towardCutT)}, of Parties with no economy-wide figure ${formatMt(t.uncoveredCutT)} a year`,
    `  Policies and measures: ${t.policies.count} listed, ${t.policies.withEffect} with an estimate (${formatMt(t.policies.effectT)} a year, never added)`,
  )
  for (const n of t.notCounted) lines.push(`  not counted: ${n.party} (${n.reason})`)
  return lines.join('\n') + '\n'
}

const pct = (x: number | undefined) => (x === undefined ? '' : `${x.toFixed(1)} %`)

/** The side-by-side comparison as a table. */
export function formatSideBySide(s: SideBySide): string {
  const { input } = s
  const lines = [
    '',
    `${s.party} side by side: ${input.pct} % by ${input.targetYear} (intensity from ${input.baseYear}), period ${input.period.start}–${input.period.end} (Mt CO₂ eq)`,
  ]
  const header = ['kind', `in ${input.targetYear}`, 'a year', 'period', 'vs base year', 'vs BAU']
  const rows = s.rows.map((r) =>
    r.problem
      ? [r.label, `— (${r.problem})`, '', '', '', '']
      : [
          r.label,
          r.targetYearT === undefined ? '' : mt(r.targetYearT),
          r.annualT === undefined ? '' : mt(r.annualT),
          r.periodT === undefined ? '' : mt(r.periodT),
          r.kind === 'base-year' ? '' : pct(r.belowBaseYearPct),
          pct(r.belowBauPct),
        ],
  )
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[1]!.startsWith('—') && i > 0 ? 0 : r[i]!.length))),
  )
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  lines.push(line(header), ...rows.map(line))
  for (const r of s.rows) for (const a of r.assumptions) lines.push(`  ${r.kind}: assumes ${a}`)
  return lines.join('\n') + '\n'
}
