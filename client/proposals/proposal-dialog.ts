/**
 * The one dialog of the proposal workflow: what is being proposed, in words,
 * an optional field for the value (new text, a number) and a rationale (or, to
 * set a proposal aside, a required reason). A modal `<dialog>`, so focus stays
 * in it and Escape cancels.
 */

/** What the dialog asks. */
export interface ProposalQuestion {
  heading: string
  /** What the proposal does, in words. */
  summary: string
  /** A value to type (new alternative text, a placeholder's value, a QELRC). */
  input?: { label: string; kind: 'text' | 'number'; initial?: string }
  /** Label of the free-text field; `required` for a set-aside reason. */
  note?: { label: string; required: boolean }
  confirm: string
}

/** What the user gave: the typed value ('' without an input) and the note. */
export interface ProposalAnswer {
  value: string
  note: string
}

/** Shows the dialog; resolves with the answer, or null when cancelled. */
export function askProposal(question: ProposalQuestion): Promise<ProposalAnswer | null> {
  const dialog = document.createElement('dialog')
  dialog.className = 'proposal-dialog'
  const form = document.createElement('form')
  form.method = 'dialog'
  const heading = document.createElement('h2')
  heading.textContent = question.heading
  heading.id = `proposal-dialog-${Math.random().toString(36).slice(2)}`
  dialog.setAttribute('aria-labelledby', heading.id)
  const summary = document.createElement('p')
  summary.className = 'proposal-dialog-summary'
  summary.textContent = question.summary
  form.append(heading, summary)
  let input: HTMLInputElement | null = null
  if (question.input) {
    input = document.createElement('input')
    input.type = 'text'
    if (question.input.kind === 'number') input.inputMode = 'decimal'
    input.required = true
    input.value = question.input.initial ?? ''
    form.append(labelled(question.input.label, input))
  }
  const note = document.createElement('textarea')
  note.rows = 3
  note.maxLength = 4000
  const noteSpec = question.note ?? { label: 'Rationale (optional)', required: false }
  note.required = noteSpec.required
  form.append(labelled(noteSpec.label, note))
  const problem = document.createElement('p')
  problem.className = 'proposal-dialog-problem'
  problem.setAttribute('role', 'alert')
  const confirm = document.createElement('button')
  confirm.type = 'submit'
  confirm.value = 'confirm'
  confirm.textContent = question.confirm
  const cancel = document.createElement('button')
  cancel.type = 'button'
  cancel.textContent = 'Cancel'
  form.append(problem, el('div', 'proposal-dialog-buttons', confirm, cancel))
  dialog.append(form)
  document.body.append(dialog)

  return new Promise((resolve) => {
    let answer: ProposalAnswer | null = null
    cancel.addEventListener('click', () => dialog.close())
    form.addEventListener('submit', (event) => {
      const value = input?.value.trim() ?? ''
      if (input && !value) {
        event.preventDefault()
        problem.textContent = `${question.input!.label} is needed.`
        return
      }
      answer = { value, note: note.value.trim() }
    })
    dialog.addEventListener('close', () => {
      dialog.remove()
      resolve(answer)
    })
    dialog.showModal()
    ;(input ?? note).focus()
  })
}

function labelled(text: string, field: HTMLElement): HTMLElement {
  const label = document.createElement('label')
  label.append(text, field)
  return label
}

function el(tag: string, className: string, ...children: HTMLElement[]): HTMLElement {
  const e = document.createElement(tag)
  e.className = className
  e.append(...children)
  return e
}
