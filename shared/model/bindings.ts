/**
 * Bindings tie document nodes to variables: which alternative of which bracket
 * group, which option of a section, which optional text kept or deleted, and
 * which placeholder occurrence stands for which variable. They are data stored
 * with the document, so co-chairs can edit them; every read is validated.
 */
import { z } from 'zod'
import { checkVariableValue, type VariableValue } from './variables.ts'

const value = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.object({ start: z.number().int(), end: z.number().int() }),
])

/** The schema of one binding; `quote` (the bound text as written) is for readers and checks. */
export const BindingSchema = z.union([
  z
    .object({
      variable: z.string(),
      group: z.string(),
      values: z.record(z.string(), value),
      quote: z.string().optional(),
    })
    .strict(),
  z
    .object({
      variable: z.string(),
      optional: z.string(),
      values: z.object({ kept: value, deleted: value }),
      quote: z.string().optional(),
    })
    .strict(),
  z
    .object({
      variable: z.string(),
      section: z.string(),
      values: z.record(z.string(), value),
      quote: z.string().optional(),
    })
    .strict(),
  z.object({ variable: z.string(), placeholder: z.string(), quote: z.string().optional() }).strict(),
])

/** A binding. */
export type Binding = z.infer<typeof BindingSchema>

/** Bindings by id. */
export type Bindings = Record<string, Binding>

/** The node a binding reads. */
export function bindingNode(b: Binding): string {
  return 'group' in b ? b.group : 'optional' in b ? b.optional : 'section' in b ? b.section : b.placeholder
}

/** Validate bindings read from a file or a shared map; the error names the binding and field. */
export function readBindings(input: unknown, where = 'bindings'): Bindings {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new Error(`${where}: expected an object of bindings by id`)
  const out: Bindings = {}
  for (const [id, raw] of Object.entries(input)) {
    const parsed = BindingSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`${where}.${id}${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`)
    }
    const b = parsed.data
    if ('values' in b) {
      for (const [k, v] of Object.entries(b.values)) {
        const problem = checkVariableValue(b.variable, v as VariableValue)
        if (problem) throw new Error(`${where}.${id}.values.${k}: ${problem}`)
      }
    } else {
      const problem = checkVariableValue(b.variable, undefined)
      if (problem?.startsWith('unknown')) throw new Error(`${where}.${id}.variable: ${problem}`)
    }
    out[id] = b
  }
  return out
}
