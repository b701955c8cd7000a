/**
 * Building page elements in one expression: `el('button', { type: 'button' }, 'Go')`.
 */

/** An element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value)
  element.append(...children)
  return element
}

/** A button (`type="button"`) that runs `action` when pressed. */
export function button(text: string, attrs: Record<string, string>, action: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, text)
  b.addEventListener('click', (event) => {
    event.preventDefault()
    action()
  })
  return b
}

/**
 * Hides or shows `element`, writing only a change: writing `hidden` again, even unchanged,
 * is a DOM mutation (`PROFILE=mutations` in bench/editor.ts counts them), and the callers
 * run on every keystroke.
 */
export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden
}
