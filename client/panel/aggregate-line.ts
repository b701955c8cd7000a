/**
 * The aggregate's headline as the amounts panel shows it: what it rests on first, then
 * the figure and its conditional end — red only when enough is inscribed for a shortfall
 * to mean something (`shared/amounts/aggregate-headline.ts` decides).
 */
import type { AggregateHeadline } from '../../shared/amounts/aggregate-headline.ts'
import { el } from '../dom/element.ts'

/** The headline's paragraph. */
export function aggregateLine(headline: AggregateHeadline): HTMLElement {
  const line = el(
    'p',
    { class: `aggregate-line tone-${headline.tone}`, 'data-inscribed': String(headline.inscribed) },
    el('span', { class: 'aggregate-basis' }, `Aggregate reduction: ${headline.basis}`),
    ' — ',
    el('strong', { class: 'aggregate-figure' }, headline.figure),
  )
  if (headline.conditional) line.append(el('span', { class: 'aggregate-conditional' }, headline.conditional))
  return line
}
