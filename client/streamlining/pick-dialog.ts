/**
 * A modal list of choices for a streamlining step ("Merge Option 3 into …"):
 * one button per choice, so each is reachable by Tab and named for what it
 * does; Escape or Cancel picks nothing.
 */
import { el } from '../dom/element.ts'

/** One choice: what the button says, and what picking it returns. */
export interface Pick {
  label: string
  value: string
}

/** Shows the list; resolves with the picked value, or null when cancelled. */
export function pickFrom(heading: string, explanation: string, choices: Pick[]): Promise<string | null> {
  const headingId = `pick-dialog-${Math.random().toString(36).slice(2)}`
  const list = el('div', { class: 'pick-dialog-choices', role: 'group' })
  const cancel = el('button', { type: 'button' }, 'Cancel')
  const dialog = el(
    'dialog',
    { class: 'pick-dialog', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, heading),
    el('p', {}, explanation),
    list,
    cancel,
  )
  document.body.append(dialog)
  return new Promise((resolve) => {
    let picked: string | null = null
    for (const choice of choices) {
      const b = el('button', { type: 'button' }, choice.label)
      b.addEventListener('click', () => {
        picked = choice.value
        dialog.close()
      })
      list.append(b)
    }
    cancel.addEventListener('click', () => dialog.close())
    dialog.addEventListener('close', () => {
      dialog.remove()
      resolve(picked)
    })
    dialog.showModal()
  })
}
