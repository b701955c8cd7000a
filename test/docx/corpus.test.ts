// The DOCX reader on the real CMA 6 Article 6.2 working file (../shared/corpus), against
// figures counted by hand and by an independent reader (mammoth) of the same file.
import { readFileSync } from 'node:fs'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDocx, type DocxReading } from '../../shared/docx/index.ts'
import { importText } from '../../shared/import/index.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { cma6Docx as corpusDocx } from '../corpus.ts'
import { readSpeaker } from '../../shared/parties/speaker.ts'
import { readRoster } from '../../server/templates/read-template.ts'

let reading: DocxReading
const line = (start: string) => reading.text.split('\n').find((l) => l.startsWith(start))

beforeAll(async () => {
  reading = await readDocx(readFileSync(corpusDocx), 'cma6.docx')
})

describe('the CMA 6 Article 6.2 working file', () => {
  it('has its 160 body paragraphs, 8 tables and 18 notes', () => {
    // 179 paragraphs at the top level of the body, 19 of them without text (counted with Python's ElementTree).
    expect(reading.paragraphs.filter((p) => p.place === 'body')).toHaveLength(160)
    expect(reading.tables.map((t) => t.rows)).toEqual([10, 7, 11, 11, 8, 11, 14, 5])
    expect(reading.notes.filter((n) => n.kind === 'footnote').map((n) => n.label)).toEqual(['1', '2', '3', '4'])
    // Endnotes: lower-case letters restarting in each annex section, then lower-case roman continuing in the last.
    // Tables 2–4 carry one endnote each (their other marks are typed by hand); table 5's section does
    // not restart, so its roman count goes on from the one endnote of the section before.
    expect(reading.notes.filter((n) => n.kind === 'endnote').map((n) => n.label)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'a',
      'a',
      'a',
      'ii',
      'iii',
      'iv',
      'v',
      'vi',
      'vii',
    ])
    expect(line('¹ ')).toBe('¹ See decision 6/CMA.4, annex II, paras. 2(a) and 3.')
    expect(line('Party^a')).toBe('Party^a\tParty')
  })

  it('renders the automatic numbers Word shows', () => {
    // Checked against numbering.xml (abstractNum 22 and 58; numId 8's startOverrides) and against the
    // paragraph numbers delegates cite in the comments: "para 55 be deleted" sits on 55, "paras 44, 45
    // and 46 and 48" on 44, "para 7h" on 7 (h), "paras 64-66" on the heading of 64–66.
    const starts = [
      'I. Scope and definition of a cooperative approach',
      '1. Decides that a cooperative approach',
      '(a) A cooperative approach involving',
      'III. Authorization',
      'A. Process for and timing of the authorization',
      'E. Transparency of information about the authorization',
      '20. Decides that the first transfer',
      '37. Clarifies that the automated consistency check referred to in paragraph 34 and 35 above',
      '55. Decides that the following information on the status',
      'XI. Further guidance relating to tracking',
      'A. Interoperability of registries',
      'B. Form, functions, processes and additional functionality',
      '71. Requests that the actions of the secretariat',
    ]
    for (const s of starts) expect(line(s), s).toBeDefined()
    // Section IV: numId 1 gives (a) (b) from the style, then numId 8 restarts level 7 at (a), numId 1 continues at (b).
    const firstTransfer = reading.text.slice(reading.text.indexOf('20. Decides'), reading.text.indexOf('22. Clarifies'))
    expect(firstTransfer.split('\n\n').map((l) => l.slice(0, 4))).toEqual([
      '20. ',
      '(a) ',
      '(b) ',
      '21. ',
      '(a) ',
      '(b) ',
      '',
    ])
    expect(reading.paragraphs.filter((p) => p.number?.format === 'decimal' && p.number.level === 5)).toHaveLength(71)
  })

  it('reads 95 comments, each anchored on its words and attributed', () => {
    expect(reading.comments).toHaveLength(95)
    const roster = readRoster()
    const comments = reading.comments.map((c) => ({ ...c, ...readSpeaker(c.body, roster) }))
    const by = (id: string) => comments.find((c) => c.id === id)!
    expect([by('3').quote, by('3').speaker]).toEqual(['approach', { kind: 'party', name: 'Norway' }])
    expect([by('4').quote, by('4').speaker]).toEqual(['approach', { kind: 'group', name: 'LMDC' }])
    expect([by('7').quote, by('7').speaker]).toEqual([
      'authorized',
      { kind: 'party', name: 'United States of America' },
    ])
    expect(by('12').quote).toBe('used or cancelled ')
    expect(by('94').quote).toBe('pull and view ')
    const at = (id: string) =>
      reading.paragraphs.find((p) => p.from <= by(id).from && by(id).from < p.to)!.number?.label
    expect([at('91'), at('73'), at('24')]).toEqual(['55.', '44.', '(h)'])
    // Hand-checked: 66 comments open with a Party, 27 with a group, 2 with neither
    // ("Missing mandatory cross-referencing …", "16 November – IC / Note – this para …").
    const kinds = comments.map((c) => c.speaker?.kind ?? 'none')
    expect(['party', 'group', 'none'].map((k) => kinds.filter((x) => x === k).length)).toEqual([66, 27, 2])
    expect(comments.filter((c) => !c.speaker).map((c) => c.id)).toEqual(['31', '92'])
    expect(by('17').named.map((s) => s.name)).toEqual(['LMDC', 'Pakistan'])
    expect(by('58').named.map((s) => s.name)).toEqual(['United States of America', 'Canada', 'Japan'])
    expect(by('62').speaker).toEqual({ kind: 'group', name: 'EU' }) // after "16 Nov – IC"
    expect(by('37').speaker).toEqual({ kind: 'group', name: 'ABU (Grupo Sur)' }) // "Groupo Sur"
    expect(by('101').speaker).toEqual({ kind: 'party', name: 'Switzerland' }) // "CH happy to agree"
    // Threads from commentsExtended.xml: nine replies, none marked done.
    expect(reading.comments.filter((c) => c.parentId).map((c) => [c.id, c.parentId])).toEqual([
      ['16', '15'],
      ['59', '58'],
      ['62', '61'],
      ['70', '69'],
      ['96', '95'],
      ['97', '95'],
      ['98', '95'],
      ['99', '95'],
      ['100', '95'],
    ])
    expect(reading.comments.some((c) => c.done)).toBe(false)
    expect(new Set(reading.comments.map((c) => c.author)).size).toBe(9)
  })

  it('reads 26 insertions and 25 deletions in the body and 20 of each in the endnotes, with authors', () => {
    const inNotes = (c: { from: number }) => reading.notes.some((n) => n.body.from <= c.from && c.from < n.body.to)
    const count = (kind: string, notes: boolean) =>
      reading.changes.filter((c) => c.kind === kind && inNotes(c) === notes).length
    expect([
      count('insertion', false),
      count('deletion', false),
      count('insertion', true),
      count('deletion', true),
    ]).toEqual([26, 25, 20, 20])
    const authors = new Map<string, number>()
    for (const c of reading.changes)
      authors.set(`${c.kind} ${c.author}`, (authors.get(`${c.kind} ${c.author}`) ?? 0) + 1)
    expect(Object.fromEntries(authors)).toEqual({
      'insertion Joaquim Barris': 1,
      'deletion Xavier Tibau Alberdi': 45,
      'insertion Xavier Tibau Alberdi': 45,
    })
    expect(
      reading.changes.every((c) => c.date && reading.text.slice(c.from, c.to) === c.text && c.text.length > 0),
    ).toBe(true)
  })

  it('gives the same words as mammoth once changes are accepted (numbers and notes aside)', async () => {
    const cut: [number, number][] = []
    for (const p of reading.paragraphs) if (p.number?.label) cut.push([p.from, p.from + p.number.label.length + 1])
    for (const n of reading.notes)
      cut.push([n.body.from, n.body.to], ...(n.ref ? [[n.ref.from, n.ref.to] as [number, number]] : []))
    for (const c of reading.changes) if (c.kind === 'deletion') cut.push([c.from, c.to])
    cut.sort((a, b) => a[0] - b[0])
    let ours = ''
    let at = 0
    for (const [from, to] of cut) {
      ours += reading.text.slice(at, Math.max(at, from))
      at = Math.max(at, to)
    }
    ours += reading.text.slice(at)
    const oracle = (await mammoth.extractRawText({ buffer: readFileSync(corpusDocx) })).value
    // Marks we write in plain-text convention (^a, ¹) are plain letters and digits in mammoth's text.
    const words = (s: string) =>
      s
        .replace(/\^\{?([a-z]+)\}?/g, '$1')
        .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)))
        .replace(/\s+/g, '')
    expect(words(ours)).toBe(words(oracle))
    expect(words(ours).length).toBeGreaterThan(30_000)
  })

  it('hands its text to the importer, which gives it back to the character', () => {
    const { doc } = importText(reading.text)
    expect(serializeText(doc)).toBe(reading.text)
    const s = summarize(doc)
    expect(s.tables).toBeGreaterThanOrEqual(8)
    expect(s.footnotes).toBeGreaterThanOrEqual(18)
  })
})
