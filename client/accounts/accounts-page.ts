/**
 * The accounts page (`#/accounts`, secretariat only): create the meeting's accounts —
 * a role, and for a delegation its Party chosen from the party table (the server
 * refuses any name the table does not know) — with a generated password shown once;
 * the list of accounts with role, Party, last login and whether each may log in;
 * disable and re-enable an account, or reset its password (shown once). Every call is
 * `account-api.ts`'s.
 */
import { ApiError } from '../app/api.ts'
import type { Session } from '../app/session.ts'
import { button, el } from '../dom/element.ts'
import { parties } from '../panel/shipped-party-data.ts'
import { ROLES, speaksForAParty, type Role } from '../../shared/document/roles.ts'
import { AccountApi, type AccountEntry } from './account-api.ts'

/** Shows the accounts page in `root`; `onBack` returns to the documents. Returns the function that closes it. */
export function showAccountsPage(root: HTMLElement, session: Session, onBack: () => void): () => void {
  const api = new AccountApi(session)
  let closed = false
  const notice = el('div', { class: 'notice', role: 'status', 'aria-live': 'polite' })
  const problem = el('p', { class: 'form-error', role: 'alert' })
  const rows = el('tbody', {})

  const username = el('input', { id: 'account-username', required: '', autocomplete: 'off', size: '20' })
  const role = el(
    'select',
    { id: 'account-role' },
    ...ROLES.map((r) => el('option', { value: r, ...(r === 'delegation' ? { selected: '' } : {}) }, r)),
  )
  const party = el('input', { id: 'account-party', list: 'party-names', size: '32', autocomplete: 'off' })
  const partyNames = el(
    'datalist',
    { id: 'party-names' },
    ...[...new Set(parties.map((p) => p.name))].sort().map((name) => el('option', { value: name })),
  )
  const password = el('input', { id: 'account-password', type: 'text', size: '28', autocomplete: 'new-password' })
  const generate = button('Generate', { 'aria-label': 'Generate a password' }, () => (password.value = newPassword()))
  const partyField = el('span', { class: 'party-field' }, el('label', { for: 'account-party' }, 'Party'), party)
  const syncParty = () => {
    const needed = speaksForAParty(role.value as Role)
    partyField.hidden = !needed
    party.required = needed
  }
  role.addEventListener('change', syncParty)
  syncParty()
  password.value = newPassword()

  const form = el(
    'form',
    { class: 'account-form', 'aria-label': 'New account' },
    el('label', { for: 'account-username' }, 'Username'),
    username,
    el('label', { for: 'account-role' }, 'Role'),
    role,
    partyField,
    partyNames,
    el('label', { for: 'account-password' }, 'Password'),
    password,
    generate,
    el('button', { type: 'submit', class: 'primary' }, 'Create account'),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const chosen = role.value as Role
    const secret = password.value
    api
      .create({
        username: username.value.trim(),
        password: secret,
        role: chosen,
        ...(speaksForAParty(chosen) ? { party: party.value.trim() } : {}),
      })
      .then((account) => {
        problem.textContent = ''
        showOnce(`Created ${describe(account)}. Its password, shown this once:`, secret)
        username.value = ''
        party.value = ''
        password.value = newPassword()
        return refresh()
      }, failed('The account was not created'))
  })

  const showOnce = (text: string, secret: string) => {
    notice.replaceChildren(
      el('span', {}, text, ' '),
      el('code', { class: 'secret' }, secret),
      button('Hide', {}, () => notice.replaceChildren()),
    )
  }
  function failed(what: string) {
    return (e: unknown) => {
      const detail = e instanceof ApiError ? e.details[0] : undefined
      problem.textContent = `${what}: ${e instanceof Error ? e.message : String(e)}${detail ? ` — ${detail.field}: ${detail.message}` : ''}`
    }
  }

  const row = (a: AccountEntry): HTMLElement => {
    const disabled = a.disabledAt !== null && a.disabledAt !== undefined
    const self = a.username === session.account.username
    const toggle = button(
      disabled ? 'Enable' : 'Disable',
      { 'aria-label': `${disabled ? 'Enable' : 'Disable'} ${a.username}` },
      () => {
        if (
          !disabled &&
          !confirm(`Disable ${a.username}? Their sessions end at once and they cannot log in until enabled.`)
        )
          return
        ;(disabled ? api.enable(a.id) : api.disable(a.id)).then(
          () => {
            problem.textContent = ''
            notice.textContent = `${a.username} ${disabled ? 'may log in again' : 'is disabled; their sessions have ended'}.`
            return refresh()
          },
          failed(`Cannot ${disabled ? 'enable' : 'disable'} ${a.username}`),
        )
      },
    )
    const reset = button('Reset password', { 'aria-label': `Reset the password of ${a.username}` }, () => {
      if (!confirm(`Give ${a.username} a new password? Their sessions end at once.`)) return
      api.resetPassword(a.id).then(
        (result) => {
          problem.textContent = ''
          showOnce(`New password for ${a.username}, shown this once:`, result.password)
          return refresh()
        },
        failed(`Cannot reset the password of ${a.username}`),
      )
    })
    return el(
      'tr',
      { 'data-account': a.username, ...(disabled ? { class: 'disabled' } : {}) },
      el('td', {}, el('strong', {}, a.username)),
      el('td', {}, a.role),
      el('td', {}, a.party ?? '—'),
      el('td', {}, when(a.createdAt)),
      el('td', {}, a.lastLoginAt ? when(a.lastLoginAt) : a.lastLoginAt === null ? 'never' : '—'),
      el('td', { class: 'account-status' }, disabled ? `disabled ${when(a.disabledAt!)}` : 'active'),
      el('td', {}, el('div', { class: 'row-actions' }, ...(self ? [] : [toggle]), reset)),
    )
  }

  const refresh = async () => {
    const accounts = await api.list()
    if (closed) return
    rows.replaceChildren(...accounts.map(row))
  }

  root.replaceChildren(
    el(
      'main',
      { class: 'list-page accounts-page' },
      el(
        'header',
        { class: 'list-header' },
        button('← Documents', { class: 'back' }, onBack),
        el('h1', {}, 'Accounts'),
        el('span', { class: 'who' }, `${session.account.username} (${session.account.role})`),
      ),
      el(
        'p',
        { class: 'muted' },
        'Delegations speak for one Party of the party table; co-chairs edit and decide; observers read. Give each person their password in person.',
      ),
      form,
      notice,
      problem,
      el(
        'table',
        { class: 'account-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...['Username', 'Role', 'Party', 'Created', 'Last login', 'Status', ''].map((h) => el('th', {}, h)),
          ),
        ),
        rows,
      ),
    ),
  )
  refresh().then(
    () => ((root.firstElementChild as HTMLElement).dataset.ready = 'true'),
    failed('Cannot list the accounts'),
  )
  return () => {
    closed = true
  }
}

function describe(a: AccountEntry): string {
  return `${a.username} (${a.role}${a.party ? `, ${a.party}` : ''})`
}

function when(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

// Eighteen random bytes, as the server generates them: long and unguessable.
function newPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
