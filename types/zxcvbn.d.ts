/** The part of zxcvbn 4's API Accord uses (the package ships no types). */
declare module 'zxcvbn' {
  /** zxcvbn's estimate of a password. */
  interface ZxcvbnResult {
    /** 0 (guessable) to 4 (very unguessable). */
    score: 0 | 1 | 2 | 3 | 4
    guesses: number
    feedback: { warning: string; suggestions: string[] }
  }
  /** Estimates `password`, treating `userInputs` (the username, the service's name) as known words. */
  function zxcvbn(password: string, userInputs?: string[]): ZxcvbnResult
  export default zxcvbn
}
