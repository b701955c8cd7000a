/**
 * The choice bar: every choice for what the caret is in, as real buttons
 * outside the editable text, so each is reachable by Tab (Alt+C jumps here)
 * and announced by name. Co-chairs resolve and streamline (accept agreed
 * text, split or regroup brackets); delegations propose the same
 * choices (or new text) for their Party; observers see the state. The
 * proposals already made on the bracket or option at the caret are listed.
 */
import type { EditorState } from 'prosemirror-state'
import type { EditorContext } from './editor-context.ts'
import { choiceTarget } from './choice-target.ts'
import type { ProposalDraft } from '../../shared/proposals/register.ts'
import { proposalList } from '../proposals/proposal-card.ts'
import { bracketTools } from '../streamlining/bracket-tools.ts'
import { optionName } from '../../shared/streamline/node-location.ts'
import { button, el } from '../pages/element.ts'

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

  const act = (
    text: string,
    label: string,
    action: () => void,
    pressed = false,
    draft?: ProposalDraft,
  ): HTMLButtonElement => {
    const b = document.createElement('button')
    b.type = 'button'
    b.textContent = text
    b.setAttribute('aria-label', label)
    if (pressed) b.setAttribute('aria-pressed', 'true')
    if (cx.capabilities.resolve) {
      b.addEventListener('click', () => action())
    } else if (cx.capabilities.propose && cx.proposals && draft) {
      b.textContent = `Propose: ${text}`
      b.setAttribute('aria-label', `Propose ${label}`)
      b.addEventListener('click', () => void cx.proposals!.propose(draft))
    } else {
      // aria-disabled, not disabled: the button stays reachable by Tab and is announced.
      b.setAttribute('aria-disabled', 'true')
      if (cx.capabilities.propose) {
        b.textContent = `Propose: ${text}`
        b.title = 'The proposal workflow is not available yet'
        b.setAttribute('aria-label', `Propose ${label} (not available yet)`)
      }
    }
    return b
  }

  const draw = (state: EditorState) => {
    const target = choiceTarget(state)
    const parts: (HTMLElement | string)[] = []
    if (target.group) {
      const { node, optional } = target.group
      const id = node.attrs.id
      const stored = cx.decisions.stored(id)
      parts.push(tag(`${optional ? 'Optional bracket' : 'Bracket group'} ${id}: ${stored ? stored : 'unresolved'}`))
      if (optional) {
        const text = node.textContent.slice(0, 40)
        parts.push(
          act('Keep', `Keep “${text}”`, () => cx.decisions.settleOptional(id, 'kept'), stored === 'kept', {
            kind: 'resolution',
            target: id,
            value: 'kept',
          }),
        )
        parts.push(
          act('Delete', `Delete “${text}”`, () => cx.decisions.settleOptional(id, 'deleted'), stored === 'deleted', {
            kind: 'resolution',
            target: id,
            value: 'deleted',
          }),
        )
      } else {
        node.forEach((alt) => {
          if (alt.type.name !== 'alternative') return
          const text = alt.textContent.slice(0, 40) || '(empty)'
          parts.push(
            act(
              `[${text}]`,
              `Choose “${text}”`,
              () => cx.decisions.chooseAlternative(id, alt.attrs.id),
              stored === alt.attrs.id,
              { kind: 'resolution', target: id, value: alt.attrs.id },
            ),
          )
        })
        if (cx.capabilities.propose && cx.proposals)
          parts.push(
            button(
              'Propose new text…',
              { 'aria-label': `Propose new alternative text for bracket group ${id}` },
              () => void cx.proposals!.propose({ kind: 'alternative', target: id }),
            ),
          )
      }
      if (stored && cx.capabilities.resolve)
        parts.push(act('Reopen', `Reopen bracket ${id}`, () => cx.decisions.reopen(id)))
      if (cx.streamline) parts.push(...bracketTools(state, node, optional, stored, cx.streamline))
      if (cx.proposals) parts.push(proposalList(id, cx.proposals))
    }
    if (target.option) {
      const id = target.option.attrs.id
      const state = cx.decisions.state(id)
      const stands = state?.kind === 'option' ? state.state : 'unresolved'
      const label = optionName(target.option)
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
      if (cx.proposals) parts.push(proposalList(id, cx.proposals))
    }
    if (!parts.length) parts.push(tag('Put the caret in a bracket or an option to see its choices (Alt+C comes here).'))
    dom.replaceChildren(...parts)
  }

  // Decisions change without a selection change: redraw from the last state.
  cx.live.subscribe(() => lastState && draw(lastState))
  cx.proposals?.subscribe(() => lastState && draw(lastState))

  return {
    dom,
    update(state) {
      lastState = state
      const t = choiceTarget(state)
      const key = `${t.group?.node.attrs.id ?? ''}|${t.group?.alternative ?? ''}|${t.option?.attrs.id ?? ''}`
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
