/**
 * The choice bar: every choice for what the caret is in, as real buttons
 * outside the editable text, so each is reachable by Tab (Alt+C jumps here)
 * and announced by name. Co-chairs resolve; those who cannot decide are
 * offered the same choices through a feature (delegations propose them for
 * their Party); observers see the state. Features add their own parts for
 * the node at the caret (streamlining tools, the proposals made on it).
 */
import type { EditorState } from 'prosemirror-state'
import type { EditorContext } from './editor-context.ts'
import { choiceTarget } from './choice-target.ts'
import { choiceOffer, type CaretTarget, type OfferedChoice } from './editor-feature.ts'
import type { Node } from 'prosemirror-model'
import { nameNode } from '../../shared/naming/node-name.ts'
import { groupWords, quoted, written } from '../../shared/streamline/bracket-words.ts'
import { button, el } from '../dom/element.ts'

/** The bar's element and the function that redraws it for a state. */
export interface ChoiceBar {
  dom: HTMLElement
  update(state: EditorState): void
  focus(): void
}

/** Creates the choice bar. */
export function createChoiceBar(cx: EditorContext): ChoiceBar {
  const dom = document.createElement('div')
  dom.className = 'choice-bar'
  dom.setAttribute('role', 'toolbar')
  dom.setAttribute('aria-label', 'Choices at the caret')
  let lastKey = ''
  let lastState: EditorState | null = null
  const offer = choiceOffer(cx.features)

  const act = (
    text: string,
    label: string,
    action: () => void,
    pressed = false,
    choice?: OfferedChoice,
  ): HTMLButtonElement => {
    const b = document.createElement('button')
    b.type = 'button'
    b.textContent = text
    b.setAttribute('aria-label', label)
    if (pressed) b.setAttribute('aria-pressed', 'true')
    if (cx.capabilities.resolve) {
      b.addEventListener('click', () => action())
    } else if (offer && choice) {
      b.textContent = `${offer.verb}: ${text}`
      b.setAttribute('aria-label', `${offer.verb} ${label}`)
      b.addEventListener('click', () => offer.take(choice))
    } else {
      // aria-disabled, not disabled: the button stays reachable by Tab and is announced.
      b.setAttribute('aria-disabled', 'true')
    }
    return b
  }

  const draw = (state: EditorState) => {
    const target = choiceTarget(state)
    const parts: (HTMLElement | string)[] = []
    const caret: CaretTarget = { state, group: null, option: target.option, placeholder: target.placeholder }
    if (target.group) {
      const { node, optional } = target.group
      const id = node.attrs.id
      const stored = cx.decisions.stored(id)
      caret.group = { node, optional, stored }
      const name = nameNode(state.doc, id)
      parts.push(tag(`${optional ? 'Optional text' : 'Alternatives'} ${name}: ${standing(node, stored)}`))
      if (optional) {
        const text = groupWords(node)
        parts.push(
          act('Keep', `Keep ${text}`, () => cx.decisions.settleOptional(id, 'kept'), stored === 'kept', {
            kind: 'resolution',
            target: id,
            value: 'kept',
          }),
        )
        parts.push(
          act('Delete', `Delete ${text}`, () => cx.decisions.settleOptional(id, 'deleted'), stored === 'deleted', {
            kind: 'resolution',
            target: id,
            value: 'deleted',
          }),
        )
      } else {
        node.forEach((alt) => {
          if (alt.type.name !== 'alternative') return
          const text = quoted(written(alt))
          parts.push(
            act(
              text,
              `Choose ${text}`,
              () => cx.decisions.chooseAlternative(id, alt.attrs.id),
              stored === alt.attrs.id,
              { kind: 'resolution', target: id, value: alt.attrs.id },
            ),
          )
        })
        if (offer && !cx.capabilities.resolve)
          parts.push(
            button(`${offer.verb} new text…`, { 'aria-label': `${offer.verb} new alternative text for ${name}` }, () =>
              offer.take({ kind: 'alternative', target: id }),
            ),
          )
      }
      if (stored && cx.capabilities.resolve) parts.push(act('Reopen', `Reopen ${name}`, () => cx.decisions.reopen(id)))
    }
    if (target.option) {
      const id = target.option.attrs.id
      const decided = cx.decisions.state(id)
      const stands = decided?.kind === 'option' ? decided.state : 'unresolved'
      const label = nameNode(state.doc, id)
      parts.push(tag(`${label}: ${stands}`))
      parts.push(
        act('Choose option', `Choose ${label}`, () => cx.decisions.settleOption(id, 'chosen'), stands === 'chosen', {
          kind: 'resolution',
          target: id,
          value: 'chosen',
        }),
      )
      parts.push(
        act('Drop option', `Drop ${label}`, () => cx.decisions.settleOption(id, 'dropped'), stands === 'dropped', {
          kind: 'resolution',
          target: id,
          value: 'dropped',
        }),
      )
    }
    // Features have parts for any paragraph (structure review), not only a bracket or an option.
    const own = parts.length
    for (const feature of cx.features) parts.push(...(feature.choiceBarParts?.(caret) ?? []))
    if (!own) parts.unshift(tag('Put the caret in a bracket or an option to see its choices (Alt+C comes here).'))
    // A redraw that changes nothing keeps the buttons: one replaced between its press and its
    // release loses the click (the log of a co-chair's own keystroke came back just then).
    const same =
      parts.length === dom.childNodes.length &&
      parts.every((part, i) =>
        typeof part === 'string'
          ? dom.childNodes[i] instanceof Text && dom.childNodes[i].textContent === part
          : part.isEqualNode(dom.childNodes[i]),
      )
    if (!same) dom.replaceChildren(...parts)
  }

  // Decisions change without a selection change: redraw from the last state.
  cx.live.subscribe(() => lastState && draw(lastState))
  for (const feature of cx.features) feature.subscribe?.(() => lastState && draw(lastState))

  return {
    dom,
    update(state) {
      lastState = state
      const t = choiceTarget(state)
      // The paragraph at the caret and the shape around it count too: structure review acts on
      // them. Its path, not its position, which every edit before it (a collaborator's
      // keystroke pages away) moves: a redraw names nodes by walking the whole text.
      const $head = state.selection.$head
      let shape = ''
      for (let d = 0; d < $head.depth; d++) shape += `${$head.index(d)}/${$head.node(d).childCount}.`
      const key = `${t.group?.node.attrs.id ?? ''}|${t.group?.alternative ?? ''}|${t.option?.attrs.id ?? ''}|${t.placeholder?.attrs.id ?? ''}|${shape}`
      if (key === lastKey) return
      lastKey = key
      draw(state)
    },
    focus() {
      dom.querySelector<HTMLButtonElement>('button')?.focus()
    },
  }
}

const tag = (text: string): HTMLElement => el('span', { class: 'choice-bar-tag' }, text)

/** How a bracket stands, in words: `chose [2013 to 2020]`, `kept`, `open`. */
function standing(group: Node, stored: string | undefined): string {
  if (!stored) return 'open'
  if (stored === 'kept' || stored === 'deleted') return stored
  let words = ''
  group.forEach((alt) => {
    if (alt.attrs.id === stored) words = quoted(written(alt))
  })
  return words ? `chose ${words}` : 'resolved'
}
