/**
 * Suggestion mode: what the account types becomes a suggestion, never an edit.
 * Typed words are kept as a draft at the caret (underlined in the author's
 * colour, not yet in the shared text); Backspace and Delete strike characters
 * instead of removing them; typing over a selection strikes it and types after
 * it. A burst is sent when the typing pauses, the caret leaves it, the editor
 * loses focus or Enter is pressed: the server writes it as pending changes
 * signed with the account and dated by its clock, and everyone sees it as
 * Word shows tracked changes. A draft whose place is deleted meanwhile, or a
 * suggestion the server refuses, is reported with its words — never dropped
 * silently. Delegations are always in this mode (they cannot edit the text);
 * co-chairs and the secretariat turn it on.
 */
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { Node, Slice } from 'prosemirror-model'
import type * as Y from 'yjs'
import { PositionMapper, storePosition } from '../../shared/document/relative-positions.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import type { Suggestion } from '../../shared/pending-changes/suggest.ts'
import { boundCellAt } from '../../shared/annex/bound-cells.ts'
import { fromYjs } from '../anchors/anchored-decorations.ts'
import { presenceColor } from '../collab/presence-color.ts'

/** A place in the text: its position now and the relative position it follows. */
interface Place {
  pos: number
  rel: Y.RelativePosition
}

/** Words typed at a place, not yet sent. */
interface Typing {
  at: Place
  text: string
}

/** A span being struck, not yet sent. */
interface Striking {
  from: Place
  to: Place
}

/** A suggestion sent and not yet seen in the text. */
interface Flight {
  id: number
  typing: Typing | null
  striking: Striking | null
}

/** The mode's state in the editor. */
interface SuggestState {
  on: boolean
  typing: Typing | null
  striking: Striking | null
  flights: Flight[]
}

/** The mode's plugin key. */
export const suggestKey = new PluginKey<SuggestState>('accord-suggestion-mode')

/** What the mode needs from the page. */
export interface SuggestionSetting {
  textDoc: Y.Doc
  /** The account's name, for the drafts' colour. */
  author: string
  /** Whether the account may also edit the text directly (co-chairs, the secretariat). */
  editsDirectly: boolean
  /** Sends a suggestion; resolves with the records the server made. */
  send(suggestion: Suggestion): Promise<PendingChange[]>
  say(message: string): void
}

const IDLE_MS = 1200

/** The suggestion mode of one editor: its plugin and the switch. */
export class SuggestionMode {
  private view: EditorView | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private flightSeq = 0
  private readonly listeners = new Set<() => void>()

  constructor(private readonly setting: SuggestionSetting) {}

  /** Whether typing makes suggestions. */
  get on(): boolean {
    return this.view ? this.state().on : !this.setting.editsDirectly
  }

  /** Turn the mode on or off (co-chairs); what was typed is sent first. */
  set(on: boolean): void {
    if (!this.setting.editsDirectly || !this.view || on === this.on) return
    this.commit()
    this.dispatch({ on })
    this.listeners.forEach((listener) => listener())
  }

  /** Tell `listener` when the mode is switched; returns the function that stops. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The plugin to add to the editor. */
  plugin(): Plugin<SuggestState> {
    const mode = this
    return new Plugin<SuggestState>({
      key: suggestKey,
      state: {
        init: () => ({ on: !this.setting.editsDirectly, typing: null, striking: null, flights: [] }),
        apply: (tr, value) => this.apply(tr, value),
      },
      filterTransaction: (tr, state) => this.admits(tr, state),
      view(view) {
        mode.view = view
        const stop = mode.watchRecords()
        return {
          update: (v, before) => mode.caretMoved(v.state, before),
          destroy: () => {
            mode.commit()
            stop()
            mode.view = null
          },
        }
      },
      props: {
        decorations: (state) => this.decorations(state),
        handleKeyPress: (_view, event) => {
          if (!this.on || event.ctrlKey || event.metaKey || [...event.key].length !== 1) return false
          this.type(event.key)
          return true
        },
        handleTextInput: (_view, _from, _to, text) => {
          if (!this.on) return false
          this.type(text)
          return true
        },
        handlePaste: (_view, _event, slice) => {
          if (!this.on) return false
          const text = sliceText(slice)
          if (text) this.type(text)
          return true
        },
        handleDrop: () => this.on,
        handleDOMEvents: {
          keydown: (_view, event) => this.key(event),
          beforeinput: (_view, event) => this.input(event as InputEvent),
          cut: (view, event) => {
            if (!this.on) return false
            const { from, to, empty } = view.state.selection
            event.preventDefault()
            if (empty) return true
            event.clipboardData?.setData('text/plain', spanText(view.state.doc, from, to))
            this.strikeSelection()
            return true
          },
          blur: () => {
            this.commit()
            return false
          },
        },
      },
    })
  }

  private state(): SuggestState {
    return suggestKey.getState(this.view!.state)!
  }

  private dispatch(set: Partial<SuggestState>, selection?: number): void {
    const view = this.view!
    const tr = view.state.tr.setMeta(suggestKey, set)
    if (selection !== undefined) tr.setSelection(TextSelection.create(tr.doc, selection))
    view.dispatch(tr)
  }

  private place(pos: number, assoc: number): Place {
    return { pos, rel: new PositionMapper(textRoom(this.setting.textDoc).text).toRelative(pos, assoc) }
  }

  // --- what the keys do -------------------------------------------------------------

  private type(text: string): void {
    const view = this.view!
    const sel = view.state.selection
    if (!sel.$from.parent.inlineContent || !sel.$from.sameParent(sel.$to))
      return this.setting.say('Suggest words inside one paragraph, cell or bracket: put the caret there.')
    if (this.inBoundCell(sel.from)) return
    const { typing } = this.state()
    if (!sel.empty) {
      this.commit()
      this.dispatch(
        { striking: { from: this.place(sel.from, 0), to: this.place(sel.to, -1) }, typing: this.typing(sel.to, text) },
        sel.to,
      )
    } else if (typing && typing.at.pos === sel.from) this.dispatch({ typing: { ...typing, text: typing.text + text } })
    else {
      this.commit()
      this.dispatch({ typing: this.typing(sel.from, text) })
    }
    this.idle()
  }

  private typing(pos: number, text: string): Typing {
    return { at: this.place(pos, 0), text }
  }

  private key(event: KeyboardEvent): boolean {
    if (!this.on) return false
    const mod = event.ctrlKey || event.metaKey
    if (mod && event.key.toLowerCase() === 'z' && (this.state().typing || this.state().striking)) {
      // Undo takes back the draft, which never reached the text.
      this.dispatch({ typing: null, striking: null })
      event.preventDefault()
      return true
    }
    if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault()
      this.strike(event.key === 'Backspace' ? -1 : 1)
      return true
    }
    if (event.key === 'Enter') {
      event.preventDefault()
      this.commit()
      return true
    }
    return false
  }

  private input(event: InputEvent): boolean {
    if (!this.on || event.isComposing || event.inputType === 'insertCompositionText') return false
    if (!event.cancelable) return false
    event.preventDefault()
    if ((event.inputType === 'insertText' || event.inputType === 'insertReplacementText') && event.data)
      this.type(event.data.replace(/\s+/g, ' '))
    else if (event.inputType === 'deleteContentBackward') this.strike(-1)
    else if (event.inputType === 'deleteContentForward') this.strike(1)
    else if (event.inputType === 'insertParagraph' || event.inputType === 'insertLineBreak') this.commit()
    return true
  }

  private strike(direction: -1 | 1): void {
    const view = this.view!
    const sel = view.state.selection
    if (!sel.empty) return this.strikeSelection()
    const { typing, striking } = this.state()
    if (direction < 0 && typing && typing.at.pos === sel.from && typing.text) {
      const text = [...typing.text].slice(0, -1).join('')
      this.dispatch({ typing: text ? { ...typing, text } : null })
      return this.idle()
    }
    const $pos = sel.$from
    const node = direction < 0 ? $pos.nodeBefore : $pos.nodeAfter
    if (!node || !$pos.parent.inlineContent || this.inBoundCell(sel.from)) return
    const size = node.isText ? 1 : node.nodeSize
    const [from, to] = direction < 0 ? [sel.from - size, sel.from] : [sel.from, sel.from + size]
    const caret = direction < 0 ? from : to
    if (striking && direction < 0 && striking.from.pos === to && !typing)
      this.dispatch({ striking: { ...striking, from: this.place(from, 0) } }, caret)
    else if (striking && direction > 0 && striking.to.pos === from && !typing)
      this.dispatch({ striking: { ...striking, to: this.place(to, -1) } }, caret)
    else {
      this.commit()
      this.dispatch({ striking: { from: this.place(from, 0), to: this.place(to, -1) } }, caret)
    }
    this.idle()
  }

  private strikeSelection(): void {
    const sel = this.view!.state.selection
    if (!sel.$from.parent.inlineContent || !sel.$from.sameParent(sel.$to))
      return this.setting.say('Strike words within one paragraph, cell or bracket: select them inside it.')
    if (this.inBoundCell(sel.from)) return
    this.commit()
    this.dispatch({ striking: { from: this.place(sel.from, 0), to: this.place(sel.to, -1) } }, sel.to)
    this.idle()
  }

  // An Annex cell that shows the model's number takes no words (`shared/annex/bound-cells.ts`): says so.
  private inBoundCell(pos: number): boolean {
    const cell = boundCellAt(this.view!.state.doc, pos)
    if (cell)
      this.setting.say(
        `This cell shows ${cell.party}’s number from the model, not words: propose the inscription instead of typing it.`,
      )
    return cell !== null
  }

  private idle(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.commit(), IDLE_MS)
  }

  // The caret left the draft (a click, an arrow key, someone else's edit moved it): send it.
  private caretMoved(state: EditorState, before: EditorState): void {
    if (state.selection.eq(before.selection)) return
    const { typing, striking } = suggestKey.getState(state)!
    const caret = state.selection.head
    if (typing && (caret !== typing.at.pos || !state.selection.empty)) return this.commit()
    if (!typing && striking && caret !== striking.from.pos && caret !== striking.to.pos) this.commit()
  }

  // --- sending ----------------------------------------------------------------------

  /** Send what was typed or struck, if anything. */
  commit(): void {
    clearTimeout(this.timer)
    if (!this.view) return
    const { typing, striking, flights } = this.state()
    if (!(typing?.text || striking)) return
    const suggestion: Suggestion = {
      ...(striking ? { delete: { from: storePosition(striking.from.rel), to: storePosition(striking.to.rel) } } : {}),
      ...(typing?.text ? { insert: { at: storePosition(typing.at.rel), text: typing.text } } : {}),
    } as Suggestion
    const flight: Flight = { id: ++this.flightSeq, typing: typing?.text ? typing : null, striking }
    this.dispatch({ typing: null, striking: null, flights: [...flights, flight] })
    this.setting.send(suggestion).then(
      (records) => this.landWhenShown(flight, records),
      (error: Error) => {
        this.land(flight)
        this.setting.say(`Your suggestion (${flightWords(flight)}) was not recorded: ${error.message}.`)
      },
    )
  }

  private landWhenShown(flight: Flight, records: PendingChange[]): void {
    const map = textRoom(this.setting.textDoc).pendingChanges
    if (records.every((r) => map.has(r.id))) return this.land(flight)
    const check = () => {
      if (records.every((r) => map.has(r.id))) {
        map.unobserve(check)
        this.land(flight)
      }
    }
    map.observe(check)
  }

  // The words typed are in the shared text now (or were refused): the draft's widget goes.
  private land(flight: Flight): void {
    if (!this.view) return
    const flights = this.state().flights.filter((f) => f.id !== flight.id)
    this.dispatch({ flights })
  }

  // A record of this account's typed words appearing before the server's answer lands its flight at once.
  private watchRecords(): () => void {
    const map = textRoom(this.setting.textDoc).pendingChanges
    const seen = (event: Y.YMapEvent<PendingChange>) => {
      if (!this.view) return
      const mine = [...event.keysChanged]
        .map((key) => map.get(key))
        .filter((c) => c && c.kind === 'insertion' && c.by === this.setting.author && c.status === 'pending')
      for (const flight of this.state().flights)
        if (flight.typing && mine.some((c) => c!.text === flight.typing!.text)) this.land(flight)
    }
    map.observe(seen)
    return () => map.unobserve(seen)
  }

  // --- the state through edits -----------------------------------------------------

  private apply(tr: Transaction, value: SuggestState): SuggestState {
    let next = value
    if (fromYjs(tr)) next = this.reanchor(value)
    else if (tr.docChanged) next = mapState(value, (pos, assoc) => tr.mapping.map(pos, assoc))
    const set = tr.getMeta(suggestKey) as Partial<SuggestState> | undefined
    if (set) next = { ...next, ...set }
    return next
  }

  // After a remote change the document was replaced: every place is read again from its anchor.
  private reanchor(value: SuggestState): SuggestState {
    const mapper = new PositionMapper(textRoom(this.setting.textDoc).text)
    let lost: string[] = []
    const again = (p: Place): Place | null => {
      const pos = mapper.toAbsolute(p.rel)
      return pos === null ? null : { pos, rel: p.rel }
    }
    const typing = value.typing && again(value.typing.at)
    if (value.typing && !typing) lost.push(`“${value.typing.text}”`)
    const from = value.striking && again(value.striking.from)
    const to = value.striking && again(value.striking.to)
    const striking = value.striking && from && to && to.pos > from.pos ? { from, to } : null
    if (value.striking && !striking) lost = [...lost, 'the words you were striking']
    if (lost.length)
      queueMicrotask(() =>
        this.setting.say(`Someone else changed the text where you were suggesting; not sent: ${lost.join(', ')}.`),
      )
    const flights = value.flights.map((f) => ({
      ...f,
      typing: f.typing && (again(f.typing.at) ? { ...f.typing, at: again(f.typing.at)! } : null),
      striking: null,
    }))
    return {
      ...value,
      typing: typing && value.typing ? { ...value.typing, at: typing } : null,
      striking,
      flights,
    }
  }

  private admits(tr: Transaction, state: EditorState): boolean {
    if (!suggestKey.getState(state)?.on || !tr.docChanged || fromYjs(tr)) return true
    // A delegation's editor never changes the text itself; a co-chair's keeps structural steps
    // (streamlining, accepted alternatives) and loses only what input would have typed.
    if (!this.setting.editsDirectly) return false
    return !(tr.getMeta('uiEvent') || tr.getMeta('composition') || tr.getMeta('paste'))
  }

  private decorations(state: EditorState): DecorationSet | null {
    const s = suggestKey.getState(state)
    if (!s || (!s.typing && !s.striking && !s.flights.length)) return null
    const color = `--change-color: ${presenceColor(this.setting.author)}`
    const size = state.doc.content.size
    const out: Decoration[] = []
    const words = (text: string, cls: string, side: number, pos: number) => {
      const span = document.createElement('span')
      span.className = `pending-change pending-insertion ${cls}`
      span.setAttribute('style', color)
      span.textContent = text
      out.push(Decoration.widget(pos, span, { side, key: `${cls}-${pos}-${text}`, ignoreSelection: true, marks: [] }))
    }
    const struck = (st: Striking, cls: string) => {
      if (st.to.pos > st.from.pos && st.to.pos <= size)
        out.push(
          Decoration.inline(st.from.pos, st.to.pos, { class: `pending-change pending-deletion ${cls}`, style: color }),
        )
    }
    s.flights.forEach((f, i) => {
      if (f.typing && f.typing.at.pos <= size) words(f.typing.text, 'suggestion-sending', -10 + i, f.typing.at.pos)
      if (f.striking) struck(f.striking, 'suggestion-sending')
    })
    if (s.typing && s.typing.at.pos <= size) words(s.typing.text, 'suggestion-draft', -1, s.typing.at.pos)
    if (s.striking) struck(s.striking, 'suggestion-draft')
    return DecorationSet.create(state.doc, out)
  }
}

function mapState(s: SuggestState, map: (pos: number, assoc: number) => number): SuggestState {
  const at = (p: Place, assoc: number): Place => ({ pos: map(p.pos, assoc), rel: p.rel })
  const typing = (t: Typing | null) => t && { ...t, at: at(t.at, 1) }
  const striking = (st: Striking | null) => st && { from: at(st.from, 1), to: at(st.to, -1) }
  return {
    ...s,
    typing: typing(s.typing),
    striking: striking(s.striking),
    flights: s.flights.map((f) => ({ ...f, typing: typing(f.typing), striking: striking(f.striking) })),
  }
}

function flightWords(flight: Flight): string {
  const parts = []
  if (flight.typing) parts.push(`inserting “${flight.typing.text}”`)
  if (flight.striking) parts.push('striking words')
  return parts.join(' and ')
}

// Pasted content as one line of words: leaves (placeholders, labels) as written.
function sliceText(slice: Slice): string {
  return slice.content
    .textBetween(0, slice.content.size, ' ', (leaf) => String(leaf.attrs.text || leaf.attrs.name || ''))
    .replace(/\s+/g, ' ')
    .trim()
}

function spanText(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, ' ', (leaf) => String(leaf.attrs.text || leaf.attrs.name || ''))
}
