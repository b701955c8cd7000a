/**
 * The importer's guesses in a document, where a reviewer finds them: every bracket
 * group marked `guess` (brackets separated by a space or a marker read as alternatives,
 * words around " / " read as alternatives) with its line and column in the plain text,
 * its text and why the importer grouped it so. The upload preview lists them before a
 * text goes live, so whoever tables it knows what to confirm or regroup.
 */
import type { Node } from 'prosemirror-model'
import { plainText } from '../consolidate/unresolved.ts'
import { textPositions } from '../serialize/text-positions.ts'

/** One guessed group, at its place in the text (1-based line and column). */
export interface GuessedGroup {
  kind: 'bracketGroup'
  id: string
  line: number
  column: number
  /** The group as the text writes it. */
  text: string
  /** Why the importer grouped it so. */
  message: string
}

/** Every guessed group of `doc`, in text order. */
export function guessedGroups(doc: Node): GuessedGroup[] {
  const found: { id: string; pos: number; text: string; guess: string }[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'bracket_group' && node.attrs.guess)
      found.push({ id: node.attrs.id, pos, text: plainText(node), guess: String(node.attrs.guess) })
    return true
  })
  if (!found.length) return []
  const positions = textPositions(doc)
  const lineStarts = [0]
  for (let i = 0; i < positions.text.length; i++) if (positions.text[i] === '\n') lineStarts.push(i + 1)
  return found.map((g) => {
    const offset = positions.offsetAt(g.pos)
    let line = lineStarts.length - 1
    while (line > 0 && lineStarts[line] > offset) line--
    return {
      kind: 'bracketGroup',
      id: g.id,
      line: line + 1,
      column: offset - lineStarts[line] + 1,
      text: g.text,
      message: g.guess,
    }
  })
}
