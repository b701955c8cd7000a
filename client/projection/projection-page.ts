/**
 * The projection: the text for the screen in the room, opened with a projection link's
 * token (`#/projection/TOKEN`), no login. Read only and without a control: large type, a
 * number beside every line, each bracket as it stands, and the paragraph the presenter is at
 * highlighted, with what is still open in it and in its division. It is live (the same
 * connection code as the editor) and keeps its place while the presenter reconnects.
 */
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { ySyncPlugin } from 'y-prosemirror'
import { ApiError, callApi } from '../app/api.ts'
import { DocumentConnection } from '../collab/connection.ts'
import { el } from '../dom/element.ts'
import { displaySchema } from '../editor/display-schema.ts'
import { lineNumbersPlugin, numberedLines } from '../line-numbers/line-numbers-plugin.ts'
import { CLOSE } from '../../shared/document/protocol.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { divisionTitle, placeAt } from '../../shared/naming/node-name.ts'
import { decidedMarksKey, decidedMarksPlugin, openCounts } from './decided-marks.ts'
import { followPresenter, presentedBlockPlugin, type PresenterState } from './presented-block.ts'

interface Shown {
  document: { id: string; title: string }
  room: string
}

/** Shows the projection for `token` in `root`; returns the function that closes it. */
export function showProjectionPage(root: HTMLElement, token: string): () => void {
  const status = el('p', { class: 'projection-status', role: 'status' }, 'Opening the text…')
  const where = el('p', { class: 'projection-where', 'aria-live': 'polite' })
  const text = el('div', { class: 'projection-text' })
  const page = el(
    'div',
    { class: 'projection-page' },
    text,
    el('footer', { class: 'projection-footer' }, where, status),
  )
  root.replaceChildren(page)
  document.body.classList.add('projecting')
  let close = () => undefined as void

  void (async () => {
    let shown: Shown
    try {
      shown = await callApi<Shown>('GET', '/api/projection', token)
    } catch (error) {
      status.textContent =
        error instanceof ApiError && error.status === 401
          ? 'This projection link does not work: it was revoked, or mistyped. Ask the co-chairs for a new one.'
          : `The text cannot be shown: ${(error as Error).message}`
      return
    }
    document.title = `${shown.document.title} — projection`
    let connected = false
    let presenter: PresenterState = { name: null, block: null, movedAt: null }
    const connection = new DocumentConnection(
      shown.room,
      { token, account: { username: 'projection', role: 'observer' } },
      {
        status: (s) => {
          connected = s === 'connected'
          say()
        },
        closed: (code) => {
          status.textContent =
            code === CLOSE.sessionEnded
              ? 'This projection link was revoked.'
              : `The server closed the projection (${code}).`
          page.dataset.closed = 'true'
        },
      },
      { presence: false },
    )
    const say = () => {
      if (page.dataset.closed) return
      status.textContent = !connected
        ? 'Reconnecting… the text shown is the last received.'
        : presenter.name
          ? `Presented by ${presenter.name}`
          : presenter.block !== null
            ? 'The presenter is reconnecting; the text stays live.'
            : 'Waiting for a co-chair to present.'
    }
    await connection.synced()
    const refusal = connection.schemaRefusal()
    if (refusal) {
      status.textContent = refusal
      connection.destroy()
      return
    }
    const room = textRoom(connection.ydoc)
    let view: EditorView | null = null
    const follower = followPresenter(
      () => view,
      connection.provider.awareness,
      connection.ydoc,
      room.text,
      (state) => {
        presenter = state
        describe()
        say()
      },
    )
    view = new EditorView(text, {
      state: EditorState.create({
        schema: displaySchema,
        plugins: [
          ySyncPlugin(room.text),
          lineNumbersPlugin(true),
          decidedMarksPlugin(() => room.resolutions.toJSON()),
          presentedBlockPlugin(() => follower.update()),
        ],
      }),
      editable: () => false,
      attributes: { 'aria-label': `${shown.document.title}, as projected`, 'aria-readonly': 'true' },
    })
    const onResolutions = () => view?.dispatch(view.state.tr.setMeta(decidedMarksKey, true))
    room.resolutions.observe(onResolutions)
    // Where the presenter is, in the text's words, with what is open there.
    const describe = () => {
      if (!view || presenter.block === null) return (where.textContent = '')
      const state = view.state
      const $block = state.doc.resolve(presenter.block + 1)
      const lines = numberedLines(state).filter((l) => l.blockPos === presenter.block)
      let section: string | null = null
      for (let d = $block.depth; d > 0 && section === null; d--)
        if (['section', 'article'].includes($block.node(d).type.name)) section = $block.node(d).attrs.id
      const counts = openCounts(state, presenter.block, section)
      const span = lines.length
        ? lines.length > 1
          ? `lines ${lines[0]!.number}–${lines[lines.length - 1]!.number}`
          : `line ${lines[0]!.number}`
        : ''
      const here = `${counts.brackets} bracket${counts.brackets === 1 ? '' : 's'} open here`
      const division = counts.section
        ? ` · ${divisionWords($block)}: ${counts.section.brackets} brackets and ${counts.section.options} options open`
        : ''
      where.textContent = `${placeAt($block)}${span ? `, ${span}` : ''}: ${here}${division}`
      page.dataset.movedAt = String(presenter.movedAt ?? '')
      page.dataset.shownAt = String(performance.timeOrigin + performance.now())
    }
    follower.update()
    page.dataset.ready = 'true'
    close = () => {
      follower.stop()
      room.resolutions.unobserve(onResolutions)
      view?.destroy()
      connection.destroy()
    }
  })()

  return () => {
    document.body.classList.remove('projecting')
    close()
  }
}

/** The section (or article) holding `$pos`, as the text names it: `section D`. */
function divisionWords($pos: import('prosemirror-model').ResolvedPos): string {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d)
    if (node.type.name === 'section' || node.type.name === 'article') return divisionTitle(node, false)
  }
  return 'the text'
}
