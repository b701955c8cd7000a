/**
 * The model's findings — linked brackets resolved two ways, applicability
 * notes not met, placeholders without values, Parties without inscriptions —
 * each with buttons that jump to the nodes it names.
 */
import type { LiveState } from '../model/live-computation.ts'
import { button } from '../dom/element.ts'

/** The list's element and the function that redraws it. */
export interface DiagnosticsList {
  dom: HTMLElement
  render(state: LiveState): void
}

const titles: Record<string, string> = {
  'linked-conflict': 'Conflict',
  'period-years': 'Conflict',
  applicability: 'Applicability',
  'two-options': 'Two options chosen',
  'missing-value': 'Missing value',
  'missing-inscription': 'Missing inscriptions',
  unresolved: 'Open',
  'invalid-resolution': 'Invalid resolution',
  'invalid-value': 'Invalid value',
}

/** Creates the diagnostics list; `jumpTo` moves the editor to a node id, `nameOf` names it as the text does. */
export function createDiagnosticsList(
  jumpTo: (id: string) => boolean,
  nameOf: (id: string) => string,
): DiagnosticsList {
  const dom = document.createElement('section')
  dom.className = 'diagnostics'
  dom.setAttribute('aria-label', 'Diagnostics')
  const heading = document.createElement('h2')
  const list = document.createElement('ul')
  list.setAttribute('aria-live', 'polite')
  dom.append(heading, list)
  let lastKey = ''
  return {
    dom,
    render(state) {
      const diagnostics = state.computation.results.diagnostics
      const key = JSON.stringify(diagnostics)
      if (key === lastKey) return
      lastKey = key
      heading.textContent = `Diagnostics (${diagnostics.length})`
      list.replaceChildren(
        ...diagnostics.map((d) => {
          const li = document.createElement('li')
          li.className = `diagnostic diagnostic-${d.code}`
          li.dataset.code = d.code
          const kind = document.createElement('strong')
          kind.textContent = `${titles[d.code] ?? d.code}: `
          li.append(kind, d.message, ' ')
          const ids = d.ids.filter((id) => id !== 'value')
          for (const id of ids.slice(0, 6)) {
            const name = nameOf(id)
            const b = button(name, { class: 'jump', 'aria-label': `Go to ${name}` }, () => {
              if (!jumpTo(id)) b.title = 'not in the text'
            })
            li.append(b, ' ')
          }
          if (ids.length > 6) li.append(`and ${ids.length - 6} more`)
          return li
        }),
      )
    },
  }
}
