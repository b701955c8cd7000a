/**
 * The editor page: the text with its choices, comments in its margin, the bracket counter and the
 * choice bar above it, the assigned amounts, proposals, the document log, the
 * bracket history and diagnostics beside it. It owns
 * the document's connection: when the server refuses a write, it says so and
 * reopens the document, so the editor shows the server's state again.
 */
import { ApiError, callApi } from '../app/api.ts'
import { capabilitiesOf } from '../app/capabilities.ts'
import type { Session } from '../app/session.ts'
import { DocumentConnection } from '../collab/connection.ts'
import { CLOSE, tooLargeMessage, type Refusal } from '../../shared/document/protocol.ts'
import { serverLimits } from '../app/server-limits.ts'
import { createEditor, type Editor } from '../editor/create-editor.ts'
import { Decisions } from '../editor/decisions.ts'
import { displaySchema } from '../editor/display-schema.ts'
import type { EditorContext } from '../editor/editor-context.ts'
import { PlaceholderValues } from '../editor/placeholder-values.ts'
import { LiveComputation } from '../model/live-computation.ts'
import { createAmountsPanel } from '../panel/amounts-panel.ts'
import { parties } from '../panel/shipped-party-data.ts'
import { createBracketCounter } from '../panel/bracket-counter.ts'
import { createDiagnosticsList } from '../panel/diagnostics-list.ts'
import { createFairnessPanel } from '../panel/fairness-panel.ts'
import { createBracketHistorySection } from '../panel/bracket-history-section.ts'
import { sectionTitles } from '../editor/section-titles.ts'
import { connectProposalsRoom, type ProposalsRoom } from '../proposals/proposals-room.ts'
import { DocumentLog } from '../streamlining/document-log.ts'
import { logFeature } from '../streamlining/log-feature.ts'
import { streamliningFeature } from '../streamlining/streamlining-feature.ts'
import { proposalsFeature } from '../proposals/proposals-feature.ts'
import { commentsSide } from '../comments/comments-feature.ts'
import { pendingChangesSide } from '../pending-changes/changes-feature.ts'
import { typingLogFeature } from '../text-edits/typing-log.ts'
import type { EditorFeature } from '../editor/editor-feature.ts'
import { Streamliner } from '../streamlining/streamliner.ts'
import { TextNames } from '../naming/text-names.ts'
import { lineNumbersFeature } from '../line-numbers/line-numbers-feature.ts'
import { Presenter } from '../projection/presenter.ts'
import { presentingControls } from '../projection/presenting-controls.ts'
import { mayPresent } from '../../shared/projection/presenting.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { ReplacedChoices } from '../decisions/replaced-choices.ts'
import { el } from '../dom/element.ts'
import { createExportPanel } from '../export/export-panel.ts'
import type { ListedDocument } from './document-list-page.ts'
import { OfflineNotice } from '../collab/offline-notice.ts'
import { annexCellsFeature } from '../annex-cells/annex-cells-feature.ts'
import { InscriptionWriter } from '../annex-cells/inscription-writer.ts'
import { textEntryWords } from '../naming/entry-words.ts'
import { markOpen } from './open-marks.ts'

/**
 * Shows `document` in `root`; returns the function that closes it. `onMissing` is called
 * when the document is gone (archived or deleted while open, or never reachable): the
 * connection is closed for good, never retried.
 */
export function showEditorPage(
  root: HTMLElement,
  session: Session,
  listed: ListedDocument,
  onLeave: () => void,
  onMissing: () => void,
): () => void {
  const { id: documentId, title } = listed
  const capabilities = capabilitiesOf(session.account)
  const status = el('span', { class: 'connection-status', role: 'status' }, 'connecting…')
  const message = el('div', { class: 'message', role: 'alert', hidden: '' })
  const counterSlot = el('div', { class: 'counter-slot' })
  const toolsSlot = el('div', { class: 'tools-slot' })
  const barSlot = el('div', { class: 'bar-slot' })
  const editorSlot = el('div', { class: 'editor-slot' })
  const panel = el('aside', { class: 'side-panel', 'aria-label': 'Model' })
  const back = el('button', { type: 'button', class: 'back' }, '← Documents')
  const offlineNotice = new OfflineNotice()
  back.addEventListener('click', () => onLeave())
  const header = el(
    'header',
    { class: 'editor-header' },
    back,
    el('h1', { class: 'doc-title' }, title),
    el('a', { class: 'revisions-link', href: `#/documents/${encodeURIComponent(documentId)}/revisions` }, 'Revisions'),
    counterSlot,
    toolsSlot,
    el('span', { class: 'who' }, `${session.account.username} — ${capabilities.description}`),
    status,
  )
  const page = el(
    'div',
    { class: `editor-page role-${session.account.role}` },
    header,
    barSlot,
    offlineNotice.dom,
    message,
    el('main', { class: 'workspace' }, editorSlot, panel),
  )
  root.replaceChildren(page)

  let teardown: (() => void) | null = null
  let reopening: ReturnType<typeof setTimeout> | undefined

  const say = (text: string, kind: 'error' | 'info') => {
    message.hidden = false
    message.className = `message ${kind}`
    message.textContent = text
  }

  const refused = (refusal: Refusal) => {
    say(
      `The server refused the change: ${refusal.message}. The editor has been returned to the server’s state.`,
      'error',
    )
    // Refusals come in bursts (one per update): reopen once, after the burst, without the copy on this device.
    clearTimeout(reopening)
    reopening = setTimeout(() => void discardAndReopen(), 150)
  }
  // An edit over the message limit was never sent: the editor goes back to the server's state, saying why.
  const tooLarge = (weighed: { bytes: number; limit: number } | undefined) => {
    say(tooLargeMessage(weighed), 'error')
    clearTimeout(reopening)
    reopening = setTimeout(() => void discardAndReopen(), 150)
  }
  let discardAndReopen = async () => reopen()

  const open = async () => {
    markOpen('start')
    // Entries named against the text on screen, once the editor is mounted.
    let nameOf: (key: string) => string = () => 'the text (loading)'
    const { maxMessageBytes } = await serverLimits(session)
    const connection = new DocumentConnection(
      listed.rooms.text,
      session,
      {
        status: (s) => (status.textContent = s),
        // The server refused the socket (an HTTP answer, not a close code): ask whether the document is still there.
        unreachable: () => {
          void documentStillThere(session, documentId).then((there) => there || onMissing())
        },
        refused,
        tooLarge,
        closed: (code, reason) => {
          if (code === CLOSE.noSuchDocument) return onMissing()
          say(
            code === CLOSE.sessionEnded
              ? 'Your session expired: log in again.'
              : `The server closed the connection (${code}${reason ? `: ${reason}` : ''}).`,
            'error',
          )
        },
      },
      {
        maxMessageBytes,
        offline: {
          kind: 'text',
          name: textEntryWords((key) => nameOf(key)),
          offline: (since) => offlineNotice.offline('text', since),
          settled: (settlement) => {
            offlineNotice.settled(settlement)
            if (settlement.kind === 'discard') void discardAndReopen()
          },
        },
      },
    )
    discardAndReopen = async () => {
      await connection.discardLocalCopy()
      reopen()
    }
    // The proposals room syncs while the text room does.
    const proposalsConnecting = connectProposalsRoom(listed.rooms.proposals, session, (text) => say(text, 'error'), {
      offline: (since) => offlineNotice.offline('proposals', since),
      settled: (settlement) => offlineNotice.settled(settlement),
    })
    teardown = () => {
      proposalsConnecting.destroy()
      connection.destroy()
    }
    await connection.synced()
    markOpen('synced')
    const refusal = connection.schemaRefusal()
    if (refusal) {
      say(refusal, 'error')
      teardown()
      teardown = null
      return
    }
    const live = new LiveComputation(connection.ydoc, parties, displaySchema.topNodeType.createAndFill()!)
    let proposalsRoom: ProposalsRoom | null = null
    const log = new DocumentLog(
      () => proposalsRoom?.register() ?? null,
      (text) => say(text, 'error'),
    )
    proposalsRoom = await proposalsConnecting.open({ textDoc: connection.ydoc, live, parties, log })
    markOpen('proposals')
    // Decisions and streamlining name nodes from the text on screen, once the editor is mounted.
    let editor: Editor | null = null
    const names = new TextNames(
      () => editor?.view.state.doc ?? null,
      () => live.current.computation.results.period,
    )
    nameOf = (key) => names.of(key)
    const decisions = new Decisions(connection.ydoc, live, capabilities.resolve, log, (id) => names.of(id))
    const values = new PlaceholderValues(connection.ydoc, capabilities.resolve, log)
    const streamline = capabilities.resolve
      ? new Streamliner(
          () => editor?.view ?? null,
          connection.ydoc,
          log,
          session.account.username,
          (text) => say(text, 'error'),
        )
      : undefined
    const room = proposalsRoom
    const comments = commentsSide({
      textDoc: connection.ydoc,
      proposalsDoc: () => room.register().doc,
      subscribeProposals: (listener) => room.proposals.subscribe(listener),
      account: session.account,
      say: (text) => say(text, 'error'),
    })
    const changes = pendingChangesSide({
      documentId,
      textDoc: connection.ydoc,
      session,
      log,
      say: (text) => say(text, 'error'),
    })
    const lines = lineNumbersFeature()
    const cells = annexCellsFeature(live, {
      writer: new InscriptionWriter(connection.ydoc, capabilities.resolve, log, (key) => names.of(key)),
      names: (key) => names.of(key),
      say: (text) => say(text, 'error'),
    })
    const presenter = mayPresent(session.account.role)
      ? new Presenter(documentId, connection.provider.awareness, textRoom(connection.ydoc).text)
      : null
    toolsSlot.replaceChildren(lines.toggle, ...(presenter ? presentingControls(presenter, session, documentId) : []))
    const features: EditorFeature[] = [
      lines.feature,
      cells,
      ...(presenter ? [presenter.feature()] : []),
      proposalsFeature(proposalsRoom.proposals),
      logFeature(log),
      ...(streamline
        ? [
            streamliningFeature(streamline),
            typingLogFeature(connection.ydoc, {
              // Typing that never reached the server (an edit over the limit) is not signed.
              note: (draft) => (connection.sending ? log.note(draft) : null),
            }),
          ]
        : []),
      comments.feature,
      changes.feature,
    ]
    const cx: Omit<EditorContext, 'jumpTo'> = { decisions, values, live, capabilities, features }
    editorSlot.replaceChildren()
    const mounted = createEditor(editorSlot, connection.ydoc, connection.provider, cx)
    editor = mounted
    markOpen('mounted')
    const replaced = new ReplacedChoices(
      connection.ydoc,
      connection.provider.awareness,
      () => mounted.view.state.doc,
      (text) => say(text, 'info'),
    )
    const jumpTo = (id: string) => (cx as EditorContext).jumpTo(id)
    const titles = sectionTitles(() => mounted.view.state.doc)
    const counter = createBracketCounter(titles, jumpTo)
    const amounts = createAmountsPanel()
    const diagnostics = createDiagnosticsList(jumpTo, (id) => names.of(id))
    const fairness = createFairnessPanel({
      ydoc: connection.ydoc,
      view: mounted.view,
      account: session.account,
      parties,
      jumpTo,
    })
    counterSlot.replaceChildren(counter.dom)
    barSlot.replaceChildren(mounted.choiceBar.dom)
    panel.replaceChildren(
      createExportPanel(session, documentId),
      amounts.dom,
      proposalsRoom.panel(jumpTo),
      comments.panel(),
      changes.panel(),
      proposalsRoom.logPanel(jumpTo),
      createBracketHistorySection(session, documentId),
      diagnostics.dom,
      fairness.dom,
    )
    const render = () => {
      counter.render(live.current)
      amounts.render(live.current)
      proposalsRoom.amountsDrawn(amounts.dom)
      diagnostics.render(live.current)
      fairness.render(live.current)
    }
    live.subscribe(render)
    render()
    page.dataset.ready = 'true'
    markOpen('ready')
    teardown = () => {
      page.dataset.ready = 'false'
      // The fairness panel decorates the view: it lets go before the view is destroyed.
      fairness.destroy()
      replaced.destroy()
      log.destroy()
      mounted.destroy()
      comments.destroy()
      changes.destroy()
      cells.destroy()
      decisions.destroy()
      values.destroy()
      proposalsRoom.destroy()
      live.destroy()
      connection.destroy()
    }
  }

  const reopen = () => {
    teardown?.()
    teardown = null
    void open()
  }

  void open()
  return () => {
    clearTimeout(reopening)
    teardown?.()
    teardown = null
  }
}

// Whether the document can still be opened: a 404 from the API means it is gone.
async function documentStillThere(session: Session, documentId: string): Promise<boolean> {
  try {
    await callApi('GET', `/api/documents/${encodeURIComponent(documentId)}`, session.token)
    return true
  } catch (e) {
    return !(e instanceof ApiError && e.status === 404)
  }
}
