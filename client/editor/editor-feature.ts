/**
 * What a feature plugs into the editor, the way ProseMirror plugins and node-view
 * options do: the editor core (this folder) knows no feature. Proposals, streamlining
 * and the log each hand the editor an `EditorFeature`; the page that mounts the editor
 * chooses which.
 */
import type { Node } from 'prosemirror-model'
import type { EditorState, Plugin } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type * as Y from 'yjs'

/** A choice on the text, as the editor offers it to someone who cannot make it directly. */
export type OfferedChoice =
  | { kind: 'resolution'; target: string; value: string }
  | { kind: 'value'; target: string }
  | { kind: 'alternative'; target: string }

/** Taking a choice this account cannot make itself (a delegation proposes it for its Party). */
export interface ChoiceOffer {
  /** The verb the controls carry: "Propose". */
  verb: string
  take(choice: OfferedChoice): void
}

/** The option a card shows, for the controls a feature adds to it. */
export interface OptionSlot {
  id: string
  view: EditorView
  /** The option's name as it reads now ("Option 2"): options renumber. */
  label(): string
}

/** The node at the caret, for the parts a feature adds to the choice bar. */
export interface CaretTarget {
  state: EditorState
  group: { node: Node; optional: boolean; stored: string | undefined } | null
  option: Node | null
  /** The placeholder selected or beside the caret. */
  placeholder: Node | null
}

/** A part a feature keeps up to date until it is destroyed. */
export interface LivePart {
  dom: HTMLElement
  destroy(): void
}

/** A feature of the editor. */
export interface EditorFeature {
  /** ProseMirror plugins it adds. */
  plugins?(): Plugin[]
  /** Controls for an option card's header. */
  optionControls?(option: OptionSlot): HTMLElement | null
  /** A part under an option card's header, kept up to date by the feature. */
  optionPart?(option: OptionSlot): LivePart | null
  /** Parts of the choice bar for the node at the caret. */
  choiceBarParts?(target: CaretTarget): HTMLElement[]
  /** Calls `redraw` when what the feature shows in the choice bar changes; returns the function that stops. */
  subscribe?(redraw: () => void): () => void
  /** Takes choices the account cannot make itself. */
  offer?: ChoiceOffer
  /**
   * True while the feature takes the account's typing (suggestion mode): the text is then
   * editable for an account that cannot edit it directly, and the feature turns input into
   * something else than edits.
   */
  takesTyping?(): boolean
  /** Called once the editor is mounted, with its view and undo manager. */
  mounted?(editor: { view: EditorView; undoManager: Y.UndoManager }): void
}

/** The offer the features make, if any (one feature takes choices at a time). */
export function choiceOffer(features: readonly EditorFeature[]): ChoiceOffer | null {
  return features.find((feature) => feature.offer)?.offer ?? null
}
