/**
 * The login page: username and password, the server's refusal shown in place.
 */
import { ApiError } from '../app/api.ts'
import { logIn, type Session } from '../app/session.ts'
import { el } from '../dom/element.ts'

/** Shows the login form in `root`; calls `onLogin` with the new session. */
export function showLoginPage(root: HTMLElement, onLogin: (session: Session) => void): void {
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: '' })
  const password = el('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: '',
  })
  const error = el('p', { class: 'form-error', role: 'alert' })
  const submit = el('button', { type: 'submit' }, 'Log in')
  const form = el(
    'form',
    { class: 'login-form', 'aria-label': 'Log in' },
    el('h1', {}, 'Accord'),
    el('p', { class: 'tagline' }, 'Negotiation texts with brackets that can be chosen.'),
    el('label', { for: 'username' }, 'Username'),
    username,
    el('label', { for: 'password' }, 'Password'),
    password,
    submit,
    error,
  )
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    submit.disabled = true
    error.textContent = ''
    try {
      onLogin(await logIn(username.value, password.value))
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : String(e)
      submit.disabled = false
    }
  })
  root.replaceChildren(el('main', { class: 'login-page' }, form))
  username.focus()
}
