/**
 * The aggregate's headline as the amounts panel shows it: what it rests on first, then
 * the figure — red only when enough is inscribed for a shortfall to mean something
 * (`shared/amounts/aggregate-headline.ts` decides).
 */
import type { AggregateHeadline } from '../../shared/amounts/aggregate-headline.ts'
import { el } from '../dom/element.ts'

/** The headline's paragraph. */
export function aggregateLine(headline: AggregateHeadline): HTMLElement {
  return el(
    'p',
    { class: `aggregate-line tone-${headline.tone}`, 'data-inscribed': String(headline.inscribed) },
    el('span', { class: 'aggregate-basis' }, `Aggregate reduction: ${headline.basis}`),
    ' — ',
    el('strong', { class: 'aggregate-figure' }, headline.figure),
  )
}
