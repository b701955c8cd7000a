/**
 * What the page says about the network: "Offline since 10:42 — your changes are kept on
 * this device" while any of the document's rooms is offline, and, after coming back,
 * the steps the server would not take, each with the reason, until the person has read
 * them. Never a silent loss.
 */
import { el, button } from '../dom/element.ts'
import { formatTime } from '../format/date-format.ts'
import { describeStep } from './offline-steps.ts'
import type { Settlement } from './reconnect.ts'

/** The banner and the list of what was set aside. */
export class OfflineNotice {
  readonly dom: HTMLElement
  private readonly banner = el('p', { class: 'offline-banner', role: 'status', hidden: '' })
  private readonly list = el('ul', { class: 'set-aside-list' })
  private readonly setAside: HTMLElement
  private readonly since = new Map<string, number>()

  constructor() {
    this.setAside = el(
      'section',
      { class: 'set-aside', role: 'alert', hidden: '', 'aria-label': 'Not accepted when you came back online' },
      el('h3', {}, 'Not accepted when you came back online'),
      this.list,
      button('I have read this', { class: 'set-aside-dismiss' }, () => {
        this.setAside.hidden = true
        this.list.replaceChildren()
      }),
    )
    this.dom = el('div', { class: 'offline-notice' }, this.banner, this.setAside)
  }

  /** Room `room` went offline at `since`, or is back (null). */
  offline(room: string, since: number | null): void {
    if (since === null) this.since.delete(room)
    else this.since.set(room, since)
    const first = Math.min(...this.since.values())
    this.banner.hidden = this.since.size === 0
    this.banner.textContent = this.since.size
      ? `Offline since ${formatTime(first)} — your changes are kept on this device and sent when the connection is back.`
      : ''
    document.body.classList.toggle('offline', this.since.size > 0)
  }

  /** The offline work of a room was settled: lists what was set aside, with the reason. */
  settled(settlement: Settlement): void {
    if (!settlement.setAside.length) return
    for (const { step, reason } of settlement.setAside)
      this.list.append(
        el(
          'li',
          { class: 'set-aside-step' },
          el('strong', {}, describeStep(step)),
          ` (${formatTime(step.at)}) — not accepted: ${reason}`,
        ),
      )
    if (settlement.kind === 'discard')
      this.list.append(
        el(
          'li',
          { class: 'set-aside-all' },
          'None of the work made offline could be sent; the document shows the server’s state.',
        ),
      )
    this.setAside.hidden = false
  }
}
