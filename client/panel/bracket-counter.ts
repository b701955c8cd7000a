/**
 * The bracket counter, always in view: brackets and options still open in the
 * whole text, and per section (each a button that goes to the section).
 */
import type { LiveState } from '../model/live-computation.ts'

/** The counter's element and the function that redraws it. */
export interface BracketCounter {
  dom: HTMLElement
  render(state: LiveState): void
}

/** Creates the counter; `sectionTitle` names a section id, `jumpTo` goes there. */
export function createBracketCounter(sectionTitle: (id: string) => string, jumpTo: (id: string) => boolean): BracketCounter {
  const dom = document.createElement('div')
  dom.className = 'bracket-counter'
  dom.setAttribute('role', 'status')
  const total = document.createElement('span')
  total.className = 'counter-total'
  const sections = document.createElement('span')
  sections.className = 'counter-sections'
  dom.append(total, sections)
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
      sections.replaceChildren(...entries.map(([id, n]) => {
        const b = document.createElement('button')
        b.type = 'button'
        b.className = 'counter-section'
        const title = sectionTitle(id)
        b.textContent = `${title.split(/\s/)[0].replace(/\.$/, '')} ${n.brackets}·${n.options}`
        b.title = `${title}: ${n.brackets} brackets and ${n.options} options open`
        b.setAttribute('aria-label', b.title)
        b.addEventListener('click', () => jumpTo(id))
        return b
      }))
    },
  }
}
