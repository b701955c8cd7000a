/**
 * The presenter's two controls in the editor's header: Present (the room's screen follows
 * this caret) and Projection… (the links for the screen).
 */
import type { Session } from '../app/session.ts'
import { button } from '../dom/element.ts'
import type { Presenter } from './presenter.ts'
import { showProjectionLinks } from './projection-links-dialog.ts'

/** The buttons, for an account that may present. */
export function presentingControls(presenter: Presenter, session: Session, documentId: string): HTMLButtonElement[] {
  const present = button(
    'Present',
    {
      class: 'present-toggle',
      'aria-pressed': String(presenter.presenting),
      title: 'The room’s screen follows your caret, paragraph by paragraph',
    },
    () => {
      presenter.set(!presenter.presenting)
      present.setAttribute('aria-pressed', String(presenter.presenting))
    },
  )
  const links = button(
    'Projection…',
    { class: 'projection-links-open', 'aria-haspopup': 'dialog' },
    () => void showProjectionLinks(session, documentId),
  )
  return [present, links]
}
