/**
 * Steps in words, for the document's log: "merged Option 3 into Option 1 of
 * section A", with who did it when the step says.
 */
import type { Step } from './step.ts'

const of = (w: Record<string, string>) =>
  w.section ? ` of ${/^[A-Z]$/.test(w.section) ? 'section ' + w.section : w.section}` : ''

// A bracket in the log: its words and where they stand, `[2013 to 2020] in paragraph 7 bis` (entries
// written before steps said where give the words alone).
const named = (words: string | undefined, where: string | undefined) =>
  `${words ?? 'a bracket'}${where ? ` in ${where}` : ''}`

/** The step as a line of the log: what was done, to what, and by whom. */
export function describeStep(step: Step): string {
  const w = step.words
  const what = ((): string => {
    switch (step.op) {
      case 'merge-options':
        return `merged ${w.merged} into ${w.kept}${of(w)}`
      case 'drop-option':
        return `dropped ${w.option}${of(w)}`
      case 'move-option':
        return w.before ? `moved ${w.option}${of(w)} before ${w.before}` : `moved ${w.option}${of(w)} to the end`
      case 'regroup-brackets':
        return `regrouped ${w.first ?? 'a bracket'} and ${named(w.second, w.where)} as alternatives`
      case 'split-group':
        return step.ids[1]
          ? `split ${named(w.group, w.where)} before ${w.before ?? 'an alternative'}`
          : `split ${named(w.group, w.where)} into separate brackets`
      case 'accept-bracket-text':
        return `accepted ${named(w.kept, w.where)} as clean text`
      case 'set-applicability':
        return w.target
          ? `made ${w.option}${of(w)} apply only with ${w.target}`
          : `removed the applicability note of ${w.option}${of(w)}`
      case 'renumber-options':
        return `renumbered the options${of(w)}`
      case 'renumber-footnotes':
        return 'renumbered the footnotes'
      case 'make-option':
        return `made ${w.block} in ${w.where} an option`
      case 'unmake-option':
        return `read ${w.option}${of(w)} as text, not an option`
      case 'set-option-end':
        return `ended ${w.option}${of(w)} with ${w.block}`
      case 'set-run-end':
        return `ended the run of ${w.option}${of(w)} with ${w.block}`
      case 'not-placeholder':
        return `read ${w.placeholder} in ${w.where} as text, not a placeholder`
    }
  })()
  const dangling = step.dangling.length
    ? ` (${w.dangling ?? step.dangling.join(', ')} still refer${step.dangling.length === 1 ? 's' : ''} to it)`
    : ''
  return (step.by ? `${step.by} ` : '') + what + dangling
}
