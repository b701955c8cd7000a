/**
 * A modal list of choices for a streamlining step ("Merge Option 3 into …"):
 * one button per choice, so each is reachable by Tab and named for what it
 * does; Escape or Cancel picks nothing.
 */

/** One choice: what the button says, and what picking it returns. */
export interface Pick {
  label: string
  value: string
}

/** Shows the list; resolves with the picked value, or null when cancelled. */
export function pickFrom(heading: string, explanation: string, choices: Pick[]): Promise<string | null> {
  const dialog = document.createElement('dialog')
  dialog.className = 'pick-dialog'
  const title = document.createElement('h2')
  title.textContent = heading
  title.id = `pick-dialog-${Math.random().toString(36).slice(2)}`
  dialog.setAttribute('aria-labelledby', title.id)
  const text = document.createElement('p')
  text.textContent = explanation
  const list = document.createElement('div')
  list.className = 'pick-dialog-choices'
  list.setAttribute('role', 'group')
  const cancel = document.createElement('button')
  cancel.type = 'button'
  cancel.textContent = 'Cancel'
  dialog.append(title, text, list, cancel)
  document.body.append(dialog)
  return new Promise((resolve) => {
    let picked: string | null = null
    for (const choice of choices) {
      const b = document.createElement('button')
      b.type = 'button'
      b.textContent = choice.label
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
