/**
 * The bracket counter, always in view: brackets and options still open in the
 * whole text, and per section (each a button that goes to the section).
 */
import type { LiveState } from '../model/live-computation.ts'
import { button, el } from '../dom/element.ts'

/** The counter's element and the function that redraws it. */
export interface BracketCounter {
  dom: HTMLElement
  render(state: LiveState): void
}

/** Creates the counter; `sectionTitle` names a section id, `jumpTo` goes there. */
export function createBracketCounter(
  sectionTitle: (id: string) => string,
  jumpTo: (id: string) => boolean,
): BracketCounter {
  const total = el('span', { class: 'counter-total' })
  const sections = el('span', { class: 'counter-sections' })
  const dom = el('div', { class: 'bracket-counter', role: 'status' }, total, sections)
  let lastKey = ''
  return {
    dom,
    render(state) {
      const r = state.remaining
      const entries = [...r.bySection].filter(([id]) => id !== '')
      const key = JSON.stringify([r.brackets, r.options, entries])
      if (key === lastKey) return
      lastKey = key
      total.textContent = `Open: ${r.brackets} brackets · ${r.options} options`
      total.dataset.brackets = String(r.brackets)
      total.dataset.options = String(r.options)
      sections.replaceChildren(
        ...entries.map(([id, n]) => {
          const title = sectionTitle(id)
          const said = `${title}: ${n.brackets} brackets and ${n.options} options open`
          return button(
            `${title.split(/\s/)[0].replace(/\.$/, '')} ${n.brackets}·${n.options}`,
            { class: 'counter-section', title: said, 'aria-label': said },
            () => jumpTo(id),
          )
        }),
      )
    },
  }
}
