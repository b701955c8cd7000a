/**
 * Steps in words, for the document's log: "merged Option 3 into Option 1 of
 * section A", with who did it when the step says.
 */
import type { Step } from './step.ts'

const of = (w: Record<string, string>) => (w.section ? ` of ${/^[A-Z]$/.test(w.section) ? 'section ' + w.section : w.section}` : '')

/** The step as a line of the log: what was done, to what, and by whom. */
export function describeStep(step: Step): string {
  const w = step.words
  const what = ((): string => {
    switch (step.op) {
      case 'merge-options': return `merged ${w.merged} into ${w.kept}${of(w)}`
      case 'drop-option': return `dropped ${w.option}${of(w)}`
      case 'move-option': return w.before ? `moved ${w.option}${of(w)} before ${w.before}` : `moved ${w.option}${of(w)} to the end`
      case 'regroup-brackets': return `regrouped brackets ${step.ids[0]} and ${step.ids[1]} as alternatives`
      case 'split-group': return step.ids[1] ? `split bracket group ${step.ids[0]} before ${step.ids[1]}` : `split bracket group ${step.ids[0]} into separate brackets`
      case 'accept-bracket-text': return step.ids[1] ? `accepted ${step.ids[1]} of ${step.ids[0]} as clean text` : `accepted the bracketed text ${step.ids[0]} as clean text`
      case 'set-applicability': return w.target ? `made ${w.option}${of(w)} apply only with ${w.target}` : `removed the applicability note of ${w.option}${of(w)}`
      case 'renumber-options': return `renumbered the options${of(w)}`
      case 'renumber-footnotes': return 'renumbered the footnotes'
    }
  })()
  const dangling = step.dangling.length ? ` (${step.dangling.join(', ')} still refer${step.dangling.length === 1 ? 's' : ''} to it)` : ''
  return (step.by ? `${step.by} ` : '') + what + dangling
}
