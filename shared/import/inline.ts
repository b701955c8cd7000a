/**
 * Builds the inline nodes of one run from its tokens: bracket groups with
 * their alternatives (nested to any depth), start/end markers for brackets
 * that span blocks, placeholders, slash alternatives and the rest.
 */
import type { Node } from 'prosemirror-model'
import { schema } from '../schema/index.ts'
import type { PlaceholderOverrides } from './annotations.ts'
import type { IdSource } from './brackets.ts'
import type { Guess } from './guess.ts'
import { findPlaceholders } from './placeholders.ts'
import type { BracketGroupRec, Run, Token } from './scan.ts'
import { findSlashRuns } from './slashes.ts'

const nodes = schema.nodes
const unmatched = (message: string) => [schema.marks.unmatched.create({ message })]

/** What inline building needs besides the run. */
export interface InlineContext {
  lines: string[]
  ids: IdSource
  overrides: PlaceholderOverrides
  guesses: Guess[]
}

/** The inline nodes of tokens [from, to) of `run`. */
export function buildInline(run: Run, from: number, to: number, cx: InlineContext): Node[] {
  const out: Node[] = []
  const tokens = run.tokens
  for (let i = from; i < to; i++) {
    const t = tokens[i]
    switch (t.kind) {
      case 'text':
        textNodes(t, cx, out)
        break
      case 'break':
        out.push(nodes.hard_break.create())
        break
      case 'label':
        out.push(nodes.label.create({ kind: t.span.kind, text: t.text, value: t.span.value }))
        break
      case 'blank':
        out.push(nodes.blank.create({ id: cx.ids.next('k'), text: t.text }))
        break
      case 'note':
        out.push(
          nodes.editorial_note.create({ id: cx.ids.next('n'), style: t.style }, t.text ? schema.text(t.text) : null),
        )
        break
      case 'ref':
        out.push(nodes.footnote_ref.create({ id: cx.ids.next('r'), label: t.label, text: t.text }))
        break
      case 'open':
      case 'close': {
        const group = t.group
        if (!t.mate || !group) {
          out.push(
            schema.text(
              t.kind === 'open' ? '[' : ']',
              unmatched(t.kind === 'open' ? 'never closed' : 'closes nothing'),
            ),
          )
        } else if (!group.inline) {
          const type = t.kind === 'open' ? nodes.bracket_start : nodes.bracket_end
          out.push(type.create({ group: group.id, alt: group.alts[t.alt].id }))
        } else {
          out.push(groupNode(run, group, cx))
          i = group.alts[group.alts.length - 1].close.index
        }
        break
      }
    }
  }
  return out
}

function groupNode(run: Run, group: BracketGroupRec, cx: InlineContext): Node {
  const children: Node[] = []
  group.alts.forEach((alt, k) => {
    if (k > 0) {
      const gapFrom = group.alts[k - 1].close.index + 1
      if (gapFrom < alt.open.index)
        children.push(nodes.separator.create(null, buildInline(run, gapFrom, alt.open.index, cx)))
    }
    children.push(nodes.alternative.create({ id: alt.id }, buildInline(run, alt.open.index + 1, alt.close.index, cx)))
  })
  return nodes.bracket_group.create({ id: group.id, guess: group.guess }, children)
}

// Plain text, with placeholders and slash alternatives lifted out of it.
function textNodes(t: Extract<Token, { kind: 'text' }>, cx: InlineContext, out: Node[]): void {
  const { text, line, col } = t
  const slashes = findSlashRuns(text)
  const found = findPlaceholders(cx.lines[line], line, col, col + text.length, cx.overrides)
  if (!slashes.length && !found.length) {
    out.push(schema.text(text))
    return
  }
  const places = found
    .map((span) => ({ at: span.from - col, end: span.to - col }))
    .filter((p) => !slashes.some((s) => p.at >= s.from && p.at < s.to))
  const events = [
    ...places.map((p) => ({ ...p, slash: undefined })),
    ...slashes.map((s) => ({ at: s.from, end: s.to, slash: s })),
  ].sort((a, b) => a.at - b.at)
  let pos = 0
  for (const e of events) {
    if (e.at > pos) out.push(schema.text(text.slice(pos, e.at)))
    if (e.slash) out.push(slashGroup(e.slash.words, cx, line + 1, col + e.at + 1))
    else out.push(nodes.placeholder.create({ id: cx.ids.next('p'), name: text.slice(e.at, e.end) }))
    pos = e.end
  }
  if (pos < text.length) out.push(schema.text(text.slice(pos)))
}

const SLASH_GUESS = 'words around " / " read as alternatives; the text gives no wider scope'

function slashGroup(words: string[], cx: InlineContext, line: number, column: number): Node {
  const id = cx.ids.next('g')
  cx.guesses.push({ kind: 'bracketGroup', id, line, column, message: SLASH_GUESS })
  const children: Node[] = []
  words.forEach((word, k) => {
    if (k > 0) children.push(nodes.separator.create(null, schema.text(' / ')))
    children.push(nodes.alternative.create({ id: `${id}.${k + 1}` }, schema.text(word)))
  })
  return nodes.bracket_group.create({ id, style: 'slash', guess: SLASH_GUESS }, children)
}
