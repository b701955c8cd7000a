/**
 * Brackets the model links follow one decision. The Annex B heading's
 * `[2013–2017] [2013–2020]` and 7 bis's `[2013 to 2017][2013 to 2020]` are
 * bound to one variable (the second commitment period); once one of them is
 * decided, every other bracket bound to that variable takes the alternative
 * that says the same, and `[five][eight]` takes the period's length (and the
 * other way round, when only one period has that length). The non-paper's own
 * footnote 9 asks for this: "Square brackets and their contents will be
 * removed as appropriate, depending on the option that is chosen".
 *
 * Nothing is followed when the decided brackets disagree: the model's
 * `linked-conflict` diagnostic names them, and the text stays bracketed.
 */
import { bindingNode, type Bindings } from '../model/bindings.ts'
import type { DocumentIndex } from '../model/document-index.ts'
import { evaluateVariables } from '../model/evaluate.ts'
import { nodeState, type Resolutions } from '../model/resolution.ts'
import { formatValue, periodYears, sameValue, type Period, type VariableValue } from '../model/variables.ts'

/** One bracket that followed another's decision. */
export interface FollowedBracket {
  /** The bracket group (or optional bracket) that followed. */
  group: string
  /** The alternative it took, or `kept`/`deleted`. */
  resolution: string
  /** The variable that links it, and the value it was decided to. */
  variable: string
  value: string
  /** The nodes whose decision it follows. */
  from: string[]
}

/** `resolutions` with every linked bracket following its decided partners, and what followed. */
export function followLinkedBrackets(
  index: DocumentIndex,
  bindings: Bindings,
  resolutions: Resolutions,
): { resolutions: Resolutions; followed: FollowedBracket[] } {
  const out: Resolutions = { ...resolutions }
  const followed: FollowedBracket[] = []
  // A followed bracket can decide another variable's ([2013 to 2020] decides [eight]): go round until nothing moves.
  for (let pass = 0; pass < 3; pass++) {
    const evaluation = evaluateVariables(index, out, bindings, {})
    const known = new Map<string, { value: VariableValue; from: string[] }>()
    for (const [variable, value] of Object.entries(evaluation.values))
      known.set(variable, { value, from: evaluation.sources[variable] ?? [] })
    for (const [variable, { value, from }] of [...known]) {
      const implied = impliedVariable(variable, value)
      if (implied && !known.has(implied.variable)) known.set(implied.variable, { value: implied.value, from })
    }
    let moved = false
    for (const id of Object.keys(bindings).sort()) {
      const b = bindings[id]
      if (!('group' in b) && !('optional' in b)) continue
      const node = bindingNode(b)
      const state = nodeState(index, out, node)
      const open =
        (state?.kind === 'group' && !state.choice) || (state?.kind === 'optional' && state.state === 'unresolved')
      const target = known.get(b.variable) ?? lengthMatch(b.variable, known, bindings, id)
      if (!open || !target) continue
      const entries = Object.entries(b.values as Record<string, VariableValue>).filter(([, v]) =>
        sameValue(v, target.value),
      )
      // Exactly one alternative says the same: two would leave the choice to the co-chairs.
      if (entries.length !== 1) continue
      out[node] = entries[0][0]
      followed.push({
        group: node,
        resolution: entries[0][0],
        variable: b.variable,
        value: formatValue(target.value),
        from: target.from,
      })
      moved = true
    }
    if (!moved) break
  }
  return { resolutions: out, followed }
}

// A period decides its number of years: `cp2.period` 2013–2020 makes `cp2.years` 8.
function impliedVariable(variable: string, value: VariableValue): { variable: string; value: VariableValue } | null {
  const m = /^(.*)\.period$/.exec(variable)
  if (!m || typeof value !== 'object') return null
  return { variable: `${m[1]}.years`, value: periodYears(value as Period) }
}

// A number of years decides the period when exactly one alternative of the period's brackets has that length.
function lengthMatch(
  variable: string,
  known: Map<string, { value: VariableValue; from: string[] }>,
  bindings: Bindings,
  id: string,
): { value: VariableValue; from: string[] } | undefined {
  const m = /^(.*)\.period$/.exec(variable)
  const years = m ? known.get(`${m[1]}.years`) : undefined
  if (!years || typeof years.value !== 'number') return undefined
  const b = bindings[id]
  if (!('values' in b)) return undefined
  const periods = Object.values(b.values as Record<string, VariableValue>).filter(
    (v) => typeof v === 'object' && periodYears(v as Period) === years.value,
  )
  return periods.length === 1 ? { value: periods[0], from: years.from } : undefined
}

/**
 * Placeholders whose value a decision gives: the non-paper defines "V" as "the year in
 * which the second commitment period ends", so once the period is decided, every V
 * still without a value takes its last year.
 */
const IMPLIED_PLACEHOLDERS: Record<string, { from: string; value: (v: VariableValue) => VariableValue | undefined }> = {
  V: { from: 'cp2.period', value: (v) => (typeof v === 'object' ? (v as Period).end : undefined) },
}

/** The values a decision gives to placeholders not yet set, with the variable each follows. */
export function impliedPlaceholderValues(
  index: DocumentIndex,
  bindings: Bindings,
  resolutions: Resolutions,
  values: Record<string, VariableValue>,
): { variable: string; value: VariableValue; from: string }[] {
  const evaluation = evaluateVariables(index, resolutions, bindings, values)
  const out: { variable: string; value: VariableValue; from: string }[] = []
  for (const [variable, rule] of Object.entries(IMPLIED_PLACEHOLDERS)) {
    if (evaluation.values[variable] !== undefined) continue
    const source = evaluation.values[rule.from]
    const value = source === undefined ? undefined : rule.value(source)
    if (value !== undefined) out.push({ variable, value, from: rule.from })
  }
  return out
}
