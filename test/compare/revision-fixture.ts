/**
 * Revisions of the real non-paper for the comparison tests: the template seeded into a
 * Y.Doc the way the server seeds a new document, Rev.1 frozen as its Yjs state, and a
 * co-chair's session on the draft — streamlining steps written through y-prosemirror's
 * diffing writer, resolutions into the model maps — then read as Rev.2.
 */
import { EditorState } from 'prosemirror-state'
import * as Y from 'yjs'
import { readNegotiationDoc, seedNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { readRevisionContent, type RevisionContent } from '../../shared/compare/index.ts'
import { type Proposal } from '../../shared/proposals/proposal.ts'
import { schema } from '../../shared/schema/index.ts'
import { isStepError, type StepResult } from '../../shared/streamline/index.ts'
import { readDocumentTemplate } from '../../server/templates/read-template.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'

const template = readDocumentTemplate()

/** A document's draft (text room and proposals room), as a co-chair edits it between revisions. */
export class Draft {
  readonly text = new Y.Doc()
  readonly proposals = new Y.Doc()

  constructor() {
    seedNegotiationDoc(this.text, template.text, template.annotations, template.bindings)
  }

  /** Applies a streamlining step (given the draft's editor state) as the editor would. */
  step(operation: (state: EditorState) => StepResult): this {
    const result = operation(EditorState.create({ schema, doc: readNegotiationDoc(this.text) }))
    if (isStepError(result)) throw new Error(`${result.error} (${result.hint})`)
    writeNegotiationDoc(this.text, result.doc)
    return this
  }

  /** Records a decision in the model maps. */
  resolve(id: string, value: string): this {
    textRoom(this.text).resolutions.set(id, value)
    return this
  }

  /** Writes a proposal entry as it stands. */
  propose(proposal: Proposal): this {
    proposalsRoom(this.proposals).proposals.set(proposal.id, proposal)
    return this
  }

  /** Freezes the draft as a revision: its states, copied, read back. */
  snapshot(name: string): RevisionContent {
    const text = new Y.Doc()
    const proposals = new Y.Doc()
    Y.applyUpdate(text, Y.encodeStateAsUpdate(this.text))
    Y.applyUpdate(proposals, Y.encodeStateAsUpdate(this.proposals))
    return readRevisionContent(name, text, proposals)
  }
}
