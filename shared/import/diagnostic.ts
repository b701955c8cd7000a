/** A problem found in a text, with its place (1-based) and a hint on how to fix it. */
export interface Diagnostic {
  line: number
  column: number
  message: string
  hint?: string
}
