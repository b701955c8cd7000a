/**
 * What the importer guessed where the text could not tell: an option that
 * stands alone, the end of a run's last option, brackets separated by a space
 * or a marker read as independent, words around " / " read as alternatives.
 * `accord inspect` lists them so a reviewer knows where to look.
 */

/** One guess, at its place in the text (1-based line and column). */
export interface Guess {
  kind: 'option' | 'bracketGroup'
  /** The id of the option or bracket group concerned; null for a label read as text. */
  id: string | null
  line: number
  column: number
  message: string
}
