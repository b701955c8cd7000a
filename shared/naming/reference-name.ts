/**
 * Any key the model and the log use — a node id, an inscription cell, a variable — named
 * as the text says it. The log's entries and the proposals name their targets by key;
 * this is what a reader is shown instead.
 */
import type { Node } from 'prosemirror-model'
import { VARIABLES, type Period } from '../model/variables.ts'
import { nameInscription } from './inscription-name.ts'
import { nameNode } from './node-name.ts'

/** The name of `key`: `column/Party` is an inscription, a known variable its letter, anything else a node. */
export function nameReference(doc: Node, key: string, period?: Period | null): string {
  if (key.includes('/')) return nameInscription(key, period)
  const variable = VARIABLES[key]
  if (variable) return /^[A-Z]$/.test(key) ? `${key} (${variable.label})` : `the ${variable.label}`
  return nameNode(doc, key)
}
