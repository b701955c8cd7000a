/**
 * What a password must be before an account may have it: at least 12 characters, not a
 * common password, and not made from the account's own name or from the words anyone
 * would try first here ("accord", "unfccc"). Commonness is judged by zxcvbn (Dropbox's
 * estimator: its frequency lists of leaked passwords, names and words, with l33t, keyboard
 * patterns, repeats, sequences and dates); the same policy holds for the bootstrap
 * password, so the secretariat's account is never the weak one.
 */
import zxcvbn from 'zxcvbn'

/** The fewest characters a password may have (NIST SP 800-63B asks 8; a shared hall asks more). */
export const minPasswordLength = 12

/** zxcvbn's score (0–4) a password must reach: 3 is "safely unguessable" (~10^8 guesses). */
const minScore = 3

/** Words an attacker of this service tries first, beside the username. */
const serviceWords = ['accord', 'unfccc']

/** zxcvbn's cost grows with length; past this many characters a password is long enough anyway. */
const analysedLength = 100

/** Why a password is refused: a sentence for the person choosing it. */
export type PasswordProblem = string

/** The username's words: the whole name and each part between `.`, `_` and `-`. */
function nameWords(username: string): string[] {
  const name = username.normalize('NFKC').toLowerCase()
  return [name, ...name.split(/[._-]+/)].filter((word) => word.length >= 3)
}

/**
 * What is left of `password` once the username's words and the service's words are taken
 * out (case-insensitively), and digits and punctuation with them: a password that is
 * mostly those words plus a year or a `!` is derived from them.
 */
function withoutGivenWords(password: string, words: string[]): string {
  let rest = password.normalize('NFKC').toLowerCase()
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ')
  return rest.replace(/[^\p{L}]+/gu, '')
}

/** The problem with `password` for the account `username`, or undefined when it may be used. */
export function passwordProblem(password: string, username: string): PasswordProblem | undefined {
  if ([...password].length < minPasswordLength) return `use at least ${minPasswordLength} characters`
  const words = [...nameWords(username), ...serviceWords]
  if (withoutGivenWords(password, words).length < 6)
    return 'do not build the password from the username or from "accord" or "unfccc"'
  const verdict = zxcvbn(password.slice(0, analysedLength), words)
  if (verdict.score < minScore) {
    const why = verdict.feedback.warning || 'this password is too easy to guess'
    const how = verdict.feedback.suggestions[0] ?? 'add more words or characters that do not belong together'
    return `${why.replace(/\.$/, '')}; ${how.charAt(0).toLowerCase()}${how.slice(1).replace(/\.$/, '')}`
  }
  return undefined
}
