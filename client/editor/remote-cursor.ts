/**
 * A collaborator's caret: a coloured bar with a tag naming the person and,
 * for delegations, their Party — so a co-chair sees who is where.
 */

/** Builds the caret element y-prosemirror places at a collaborator's position. */
export function remoteCursor(user: {
  name?: string
  party?: string | null
  role?: string
  color?: string
}): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'remote-caret'
  caret.style.borderColor = user.color ?? '#1f5fbf'
  const tag = document.createElement('span')
  tag.className = 'remote-caret-tag'
  tag.style.backgroundColor = user.color ?? '#1f5fbf'
  tag.textContent = user.party
    ? `${user.name} (${user.party})`
    : `${user.name ?? 'someone'}${user.role ? ` · ${user.role}` : ''}`
  caret.setAttribute('aria-label', `${tag.textContent} is here`)
  caret.append('\u2060', tag, '\u2060')
  return caret
}
