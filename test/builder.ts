/**
 * A tiny document builder for tests, in the manner of prosemirror-test-builder:
 * `doc(p('from ', group(alt('2013 to 2017'), alt('2013 to 2020'))))`.
 * Ids are left empty; compare with `sameStructure`, which ignores them.
 */
import type { Node } from 'prosemirror-model'
import { schema } from '../shared/schema/index.ts'

type Child = Node | string
type Attrs = Record<string, unknown>

const n = schema.nodes
const kids = (children: Child[]) =>
  children.filter((c) => c !== '').map((c) => (typeof c === 'string' ? schema.text(c) : c))
/** A node of type `name` with `attrs`: `block('provision', { gap: 0 })('4. …')`. */
export const block =
  (name: string, attrs: Attrs = {}) =>
  (...children: Child[]) =>
    n[name].create(attrs, kids(children))

/** The document (framing attrs default to a text ending in one newline). */
export const doc = (...children: Child[]) => n.doc.create({ trail: 0 }, kids(children))
/** A paragraph; `pg(gap)` for one with a given number of blank lines before it. */
export const p = block('paragraph')
export const pg = (gap: number) => block('paragraph', { gap })
export const heading = (level: string, gap = 1) => block('heading', { level, gap })
export const instruction = block('instruction')
export const provision = block('provision')
export const item = block('list_item')
export const article = block('article')
export const section = block('section')
export const option = (attrs: Attrs = {}) => block('option', attrs)
export const footnote = (label: string, kind = 'numbered', gap = 1) => block('footnote', { label, kind, gap })
/** A bracket group: `group(alt('a'), alt('b'))`; one alternative makes optional text. */
export const group = (...children: Node[]) => n.bracket_group.create({}, children)
export const guessed = (guess: string, ...children: Node[]) => n.bracket_group.create({ guess }, children)
export const slash = (...children: Node[]) => n.bracket_group.create({ style: 'slash', guess: 'slash' }, children)
export const alt = (...children: Child[]) => n.alternative.create({}, kids(children))
export const sep = (...children: Child[]) => n.separator.create({}, kids(children))
export const ph = (name: string) => n.placeholder.create({ name })
export const ref = (label: string, text = label) => n.footnote_ref.create({ label, text })
export const label = (kind: string, text: string, value: string) => n.label.create({ kind, text, value })
export const blank = (text = '[...]') => n.blank.create({ text })
export const note = (text: string, style = 'square') =>
  n.editorial_note.create({ style }, text ? schema.text(text) : null)
export const br = () => n.hard_break.create()
export const start = (group: string, alt: string) => n.bracket_start.create({ group, alt })
export const end = (group: string, alt: string) => n.bracket_end.create({ group, alt })
export const unmatched = (ch: string, message: string) => schema.text(ch, [schema.marks.unmatched.create({ message })])

/** JSON of `node` without ids and gaps (round trips test those), guess reasons as booleans: what tests compare. */
export function structure(node: Node): unknown {
  return strip(node.toJSON())
}

function strip(json: any): any {
  if (Array.isArray(json)) return json.map(strip)
  if (!json || typeof json !== 'object') return json
  const out: any = {}
  for (const [k, v] of Object.entries(json)) {
    if (k === 'attrs') {
      const attrs: any = {}
      for (const [ak, av] of Object.entries(v as object)) {
        if (ak === 'id' || ak === 'gap' || ak === 'group' || ak === 'alt') continue
        attrs[ak] = ak === 'guess' ? av !== null : av
      }
      out.attrs = attrs
    } else out[k] = strip(v)
  }
  return out
}
