/**
 * Comments and pending changes over the wire, against a real server with real y-websocket clients
 * and raw sockets: a delegation comments for its own Party; a delegation resolving or editing another
 * Party's comment, an observer writing, a forged author or resolution are refused and never reach
 * anyone (proven by a permitted write made after them); a comment keeps its words while another client
 * edits around and inside them. Suggestions are made through the server, which signs and dates them;
 * through sync a pending change only changes status, decided and signed by a co-chair.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CommentRegister } from '../../shared/comments/comment-register.ts'
import { threadSpans } from '../../shared/comments/comment-spans.ts'
import type { Comment } from '../../shared/comments/comment.ts'
import { negotiationDocText, readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { PositionMapper, storePosition } from '../../shared/document/relative-positions.ts'
import type { Actor } from '../../shared/document/roles.ts'
import { anchorRange, type TextAnchor } from '../../shared/document/text-anchor.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { decidePendingChange, recordPendingChanges } from '../../shared/pending-changes/decide.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import { textPositions } from '../../shared/serialize/text-positions.ts'
import { readRoster } from '../../server/templates/read-template.ts'
import {
  appendedParagraphs,
  appendParagraph,
  connectProvider,
  eventually,
  RawClient,
  testServerSuite,
} from './server-fixture.ts'

const t = testServerSuite()
const roster = readRoster()
const open: { provider: { destroy(): void } }[] = []
afterAll(() => open.forEach((c) => c.provider.destroy()))

const WORDS = 'compilation of proposals'

/** An account with its token and the actor the rights see. */
async function person(role: Actor['role'], party?: string): Promise<{ token: string; actor: Actor }> {
  const token = await t.account(role, party)
  const username = (await t.api('GET', '/api/me', token)).body.username as string
  return { token, actor: { username, role, ...(party ? { party } : {}) } }
}

const clients = new Map<string, Promise<Y.Doc>>()

/** A synced client of `room` for `token` (one per pair), kept open until the file ends. */
function client(room: string, token: string): Promise<Y.Doc> {
  const key = `${room} ${token}`
  if (!clients.has(key))
    clients.set(
      key,
      connectProvider(t.syncUrl, room, token).then((c) => {
        open.push(c)
        return c.doc
      }),
    )
  return clients.get(key)!
}

type Person = { token: string; actor: Actor }
let shared: Promise<{ observer: string; chair: Person; norway: Person; pakistan: Person }> | undefined
/** The people of this file: an observer, a co-chair, Norway's and Pakistan's delegations. */
const cast = () =>
  (shared ??= (async () => ({
    observer: await t.account('observer'),
    chair: await person('co-chair'),
    norway: await person('delegation', 'Norway'),
    pakistan: await person('delegation', 'Pakistan'),
  }))())

/** The document range of the first `words` in a text room's text. */
function rangeOf(doc: Y.Doc, words: string): { from: number; to: number } {
  const positions = textPositions(readNegotiationDoc(doc))
  const at = positions.text.indexOf(words)
  if (at < 0) throw new Error(`no "${words}"`)
  return positions.range(at, at + words.length)
}

function anchorOf(doc: Y.Doc, words: string): TextAnchor {
  const { from, to } = rangeOf(doc, words)
  return anchorRange(new PositionMapper(textRoom(doc).text), from, to)
}

const comments = (doc: Y.Doc) => proposalsRoom(doc).comments

/**
 * `token`'s raw write to `room` is refused with `reason`; a permitted write a co-chair makes after it
 * reaches a witness, and neither the witness nor a client connecting afterwards ever sees `visible`.
 */
async function refusedAndUnseen(
  room: string,
  token: string,
  write: (doc: Y.Doc) => void,
  reason: RegExp,
  visible: (doc: Y.Doc) => boolean,
): Promise<void> {
  const { observer, chair } = await cast()
  const witness = await RawClient.connect(t.syncUrl, room, observer)
  const hostile = await RawClient.connect(t.syncUrl, room, token)
  write(hostile.doc)
  await eventually(() => hostile.denials.length > 0, 5000, 'the refusal')
  expect(hostile.denials[0]).toMatch(reason)
  const writer = await RawClient.connect(t.syncUrl, room, chair.token)
  const marker = `m-${Math.random().toString(36).slice(2)}`
  if (room.endsWith('/proposals')) {
    new CommentRegister(writer.doc, chair.actor, roster).comment(anchor, WORDS, marker, null)
    await eventually(() => [...comments(witness.doc).values()].some((c) => c.body === marker), 5000, 'the later write')
  } else {
    appendParagraph(writer.doc, marker)
    await eventually(() => appendedParagraphs(witness.doc).includes(marker), 5000, 'the later write')
  }
  expect(visible(witness.doc)).toBe(false)
  const fresh = await RawClient.connect(t.syncUrl, room, observer)
  expect(visible(fresh.doc)).toBe(false)
  for (const c of [witness, hostile, writer, fresh]) c.close()
}

let anchor: TextAnchor

describe('comments over the wire', () => {
  it(
    'a delegation comments for its own Party; forbidden writes are refused and reach no one',
    { timeout: 60_000 },
    async () => {
      const { norway, pakistan, chair, observer } = await cast()
      anchor = anchorOf(await client('non-paper', norway.token), WORDS)
      const desk = new CommentRegister(await client('non-paper/proposals', norway.token), norway.actor, roster)
      const made = desk.comment(anchor, WORDS, 'Norway: a compilation, not a negotiating text', {
        kind: 'party',
        name: 'Norway',
      })
      const watcher = await client('non-paper/proposals', observer)
      await eventually(() => comments(watcher).has(made.id), 5000, "Norway's comment relayed")
      expect(comments(watcher).get(made.id)).toMatchObject({ by: norway.actor.username, for: { name: 'Norway' } })

      const pakistanWrites = (c: Comment) => (doc: Y.Doc) => comments(doc).set(c.id, c)
      await refusedAndUnseen(
        'non-paper/proposals',
        pakistan.token,
        (doc) => comments(doc).set(made.id, { ...made, resolved: { by: pakistan.actor.username, at: made.at } }),
        /comments\.c-\w+: only co-chairs and the secretariat resolve comments/,
        (doc) => !!comments(doc).get(made.id)?.resolved,
      )
      await refusedAndUnseen(
        'non-paper/proposals',
        pakistan.token,
        (doc) => comments(doc).set(made.id, { ...made, body: 'Norway: withdraw this', editedAt: made.at }),
        /never edit another's comment/,
        (doc) => comments(doc).get(made.id)?.body !== made.body,
      )
      const forged = {
        ...made,
        id: 'c-forged',
        by: norway.actor.username,
        for: { kind: 'party' as const, name: 'Norway' },
      }
      await refusedAndUnseen(
        'non-paper/proposals',
        pakistan.token,
        pakistanWrites(forged),
        /a comment is signed by the account that writes it/,
        (doc) => comments(doc).has('c-forged'),
      )
      await refusedAndUnseen(
        'non-paper/proposals',
        pakistan.token,
        pakistanWrites({ ...forged, id: 'c-for-norway', by: pakistan.actor.username }),
        /a delegation comments for its own Party \(Pakistan\), not Norway/,
        (doc) => comments(doc).has('c-for-norway'),
      )
      await refusedAndUnseen(
        'non-paper/proposals',
        observer,
        pakistanWrites({ ...forged, id: 'c-observer' }),
        /observer accounts may not change the proposals room/,
        (doc) => comments(doc).has('c-observer'),
      )
      await refusedAndUnseen(
        'non-paper/proposals',
        chair.token,
        (doc) => comments(doc).set(made.id, { ...made, resolved: { by: 'someone-else', at: made.at } }),
        /a resolution is signed by the account that makes it/,
        (doc) => !!comments(doc).get(made.id)?.resolved,
      )
      await refusedAndUnseen(
        'non-paper/proposals',
        norway.token,
        (doc) => comments(doc).delete(made.id),
        /comments are never deleted; withdraw your own/,
        (doc) => !comments(doc).has(made.id),
      )
      // The co-chair resolves, signed; Norway withdraws its own comment.
      const chairDesk = new CommentRegister(await client('non-paper/proposals', chair.token), chair.actor, roster)
      await eventually(() => !!chairDesk.all()[made.id], 5000, 'the comment at the co-chair')
      chairDesk.resolve(made.id)
      await eventually(() => comments(watcher).get(made.id)?.resolved?.by === chair.actor.username, 5000, 'resolved')
      await eventually(() => !!desk.all()[made.id]?.resolved, 5000, 'the resolution at Norway')
      desk.withdraw(made.id)
      await eventually(() => comments(watcher).get(made.id)?.withdrawn === true, 5000, 'withdrawn')
    },
  )

  it('a comment keeps its words while another client edits before, inside and after them', async () => {
    const { norway, chair, observer } = await cast()
    const text = await client('non-paper', norway.token)
    const desk = new CommentRegister(await client('non-paper/proposals', norway.token), norway.actor, roster)
    const made = desk.comment(anchorOf(text, 'non-paper is a'), 'non-paper is a', 'Norway: which paper?', {
      kind: 'party',
      name: 'Norway',
    })
    // A co-chair types around and inside the words, in the same Y.XmlText.
    const chairText = await client('non-paper', chair.token)
    const holder = findText(textRoom(chairText).text, 'non-paper is a')!
    const at = holder.toString().indexOf('non-paper is a')
    chairText.transact(() => {
      holder.insert(at + 'non-paper is a'.length, ' mere')
      holder.insert(at + 'non-paper'.length, ' really')
      holder.insert(at, 'present ')
    })
    const [readText, readComments] = [
      await client('non-paper', observer),
      await client('non-paper/proposals', observer),
    ]
    await eventually(
      () => negotiationDocText(readText).includes('This present non-paper really is a mere compilation'),
      5000,
      'the edit',
    )
    await eventually(() => comments(readComments).has(made.id), 5000, 'the comment')
    const span = threadSpans(readText, comments(readComments).toJSON()).find((s) => s.thread.comment.id === made.id)!
    expect(readNegotiationDoc(readText).textBetween(span.range!.from, span.range!.to)).toBe('non-paper really is a')
  })
})

describe('pending changes over the wire', () => {
  it('a delegation suggests through the server, which signs and dates it; the words reach every editor', async () => {
    const { norway, observer } = await cast()
    const text = await client('non-paper', norway.token)
    const witness = await client('non-paper', observer)
    const before = new Date().toISOString()
    const at = storePosition(
      new PositionMapper(textRoom(text).text).toRelative(rangeOf(text, 'proposals by Parties').from, 0),
    )
    const res = await t.api('POST', '/api/documents/non-paper/suggestions', norway.token, {
      insert: { at, text: 'written ' },
      delete: anchorOf(text, ' by Parties'),
    })
    expect(res.status).toBe(201)
    const made = res.body.changes as PendingChange[]
    expect(made.map((c) => [c.kind, c.text])).toEqual([
      ['deletion', ' by Parties'],
      ['insertion', 'written '],
    ])
    for (const c of made) {
      expect(c).toMatchObject({
        author: norway.actor.username,
        by: norway.actor.username,
        party: 'Norway',
        status: 'pending',
      })
      expect(c.at >= before && c.at <= new Date().toISOString()).toBe(true)
    }
    await eventually(() => made.every((c) => textRoom(witness).pendingChanges.has(c.id)), 5000, 'the records relayed')
    expect(negotiationDocText(witness)).toContain('compilation of written proposals by Parties.')
  })

  it('refuses a suggestion from an observer, with forged fields, on words that are gone, or unauthenticated', async () => {
    const { norway, observer } = await cast()
    const text = await client('non-paper', norway.token)
    const place = storePosition(new PositionMapper(textRoom(text).text).toRelative(rangeOf(text, 'Parties.').from, 0))
    const route = '/api/documents/non-paper/suggestions'
    const byObserver = await t.api('POST', route, observer, { insert: { at: place, text: 'x' } })
    expect([byObserver.status, byObserver.body.details[0].field]).toEqual([403, 'role'])
    const forged = await t.api('POST', route, norway.token, {
      insert: { at: place, text: 'x' },
      by: 'someone-else',
      at: '2009-12-18T23:00:00Z',
    })
    expect(forged.status).toBe(400)
    expect(forged.body.details.map((d: { message: string }) => d.message).join()).toMatch(
      /Unrecognized keys: "by", "at"/,
    )
    expect((await t.api('POST', route, undefined, { insert: { at: place, text: 'x' } })).status).toBe(401)
    expect(
      (await t.api('POST', '/api/documents/no-such/suggestions', norway.token, { insert: { at: place, text: 'x' } }))
        .status,
    ).toBe(404)
    const gone = await t.api('POST', route, norway.token, {
      delete: {
        from: { type: { client: 1, clock: 999999 }, item: { client: 1, clock: 999999 }, assoc: 0 },
        to: { type: { client: 1, clock: 999999 }, item: { client: 1, clock: 999999 }, assoc: -1 },
      },
    })
    expect([gone.status, gone.body.details[0]]).toEqual([
      409,
      { field: 'body.delete', message: 'the words to strike are gone: someone changed them meanwhile' },
    ])
    const line = await t.api('POST', route, norway.token, { insert: { at: place, text: 'a\nb' } })
    expect([line.status, line.body.details[0].field]).toEqual([400, 'body.insert.text'])
  })

  it(
    'through sync a change only changes status, decided and signed by a co-chair; the rest is refused and unseen',
    { timeout: 60_000 },
    async () => {
      const { norway, chair, observer } = await cast()
      const text = await client('non-paper', norway.token)
      const res = await t.api('POST', '/api/documents/non-paper/suggestions', norway.token, {
        delete: anchorOf(text, 'Co-Chairs of the '),
      })
      const [made] = res.body.changes as PendingChange[]
      const records = (doc: Y.Doc) => textRoom(doc).pendingChanges
      const change = (patch: Partial<PendingChange>) => (doc: Y.Doc) =>
        records(doc).set(made.id, { ...records(doc).get(made.id)!, ...patch })
      await refusedAndUnseen(
        'non-paper',
        norway.token,
        change({ status: 'accepted', decision: { by: norway.actor.username, at: made.at } }),
        /delegation accounts may not change the text room/,
        (doc) => records(doc).get(made.id)?.status !== 'pending',
      )
      await refusedAndUnseen(
        'non-paper',
        chair.token,
        (doc) =>
          recordPendingChanges(doc, [
            {
              ...made,
              id: 's-by-sync',
              by: chair.actor.username,
              author: chair.actor.username,
              ...rangeOf(doc, 'Contact Group'),
            },
          ]),
        /suggestions are recorded by the server, which signs and dates them/,
        (doc) => records(doc).has('s-by-sync'),
      )
      await refusedAndUnseen(
        'non-paper',
        chair.token,
        change({ at: '2009-01-01T00:00:00.000Z' }),
        /only the status of a pending change changes/,
        (doc) => records(doc).get(made.id)?.at !== made.at,
      )
      await refusedAndUnseen(
        'non-paper',
        chair.token,
        change({ status: 'accepted', decision: { by: 'someone-else', at: made.at } }),
        /a decision is signed by the account that makes it/,
        (doc) => records(doc).get(made.id)?.status !== 'pending',
      )
      // The co-chair accepts the deletion: the words go, for everyone, and the record says who decided.
      const chairText = await client('non-paper', chair.token)
      await eventually(() => records(chairText).has(made.id), 5000, 'the record at the co-chair')
      expect(
        decidePendingChange(chairText, made.id, true, { by: chair.actor.username, at: new Date().toISOString() }),
      ).not.toHaveProperty('refused')
      const witness = await client('non-paper', observer)
      await eventually(() => records(witness).get(made.id)?.status === 'accepted', 5000, 'the decision relayed')
      expect(records(witness).get(made.id)!.decision!.by).toBe(chair.actor.username)
      expect(negotiationDocText(witness)).toContain('prepared by the Contact Group')
    },
  )
})

function findText(type: Y.XmlFragment | Y.XmlElement, words: string): Y.XmlText | null {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) {
      if (child.toString().includes(words)) return child
    } else if (child instanceof Y.XmlElement) {
      const found = findText(child, words)
      if (found) return found
    }
  }
  return null
}
