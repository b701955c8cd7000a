/**
 * The negotiation-text schema. Bump `SCHEMA_VERSION` on any change and change
 * only additively (new types, new attributes with defaults): a client with an
 * older schema bound to the shared document would delete what it cannot build.
 */
import { Schema } from 'prosemirror-model'
import { blockNodes } from './blocks.ts'
import { inlineMarks, inlineNodes } from './inlines.ts'

/** Version of the schema, stored with every shared document. */
export const SCHEMA_VERSION = 2

/** The schema of every Accord document. */
export const schema = new Schema({ nodes: { ...blockNodes, ...inlineNodes }, marks: inlineMarks })

export type { Node as AccordNode } from 'prosemirror-model'
