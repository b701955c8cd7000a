/**
 * A Word document of a negotiation text with the `docx` package: the UN
 * document header as the first page's block (symbol, distribution, date,
 * original language, session, agenda item, title) and the symbol and title as
 * the running header of the following pages, page numbers in the footer; real
 * Word headings (Title, Heading 1–3), numbered footnotes as real Word
 * footnotes, Annex tables as Word tables with their notes beneath, table-note
 * marks as superscripts; with line numbers, Word numbers the text's lines. In
 * the as-is form brackets stay visible and placeholders are bold; options keep
 * their `Option N` headings.
 */
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LineNumberRestartFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx'
import type { Node } from 'prosemirror-model'
import { distributionLines, sessionBlock, type DocumentHeader } from '../../shared/export/document-header.ts'
import { footnoteMark } from '../../shared/export/markup.ts'
import type { PageOptions } from '../../shared/export/page-options.ts'

type HeadingValue = (typeof HeadingLevel)[keyof typeof HeadingLevel]

const HEADINGS: Record<string, HeadingValue> = {
  title: HeadingLevel.TITLE,
  article: HeadingLevel.HEADING_1,
  section: HeadingLevel.HEADING_2,
  option: HeadingLevel.HEADING_3,
  annex: HeadingLevel.HEADING_3,
}

interface Cx {
  /** Numbered footnotes: label → Word footnote id. */
  ids: Map<string, number>
  bodies: Map<string, Node>
  footnotes: Record<number, { children: Paragraph[] }>
}

/**
 * The .docx bytes of `doc`. With `lineNumbers`, Word numbers every line in the margin
 * itself (its line numbering, restarting on no page): Word lays out its own lines, and
 * breaking the text at Accord's would put line breaks into the words the secretariat edits.
 */
export async function renderDocx(doc: Node, options: PageOptions): Promise<Uint8Array> {
  const { heading, status } = options
  const cx: Cx = { ids: new Map(), bodies: new Map(), footnotes: {} }
  doc.descendants((n) => {
    if (n.type.name === 'table') return false
    if (n.type.name === 'footnote' && !cx.bodies.has(n.attrs.label)) cx.bodies.set(n.attrs.label, n)
    return true
  })
  const children: (Paragraph | Table)[] = []
  doc.forEach((c) => blocks(c, cx, children))
  const document = new Document({
    creator: 'Accord',
    title: heading.title,
    description: status,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    footnotes: cx.footnotes,
    sections: [
      {
        properties: {
          // The first page carries the header block in its text; the running header starts on page 2.
          titlePage: true,
          ...(options.lineNumbers ? { lineNumbers: { countBy: 1, restart: LineNumberRestartFormat.CONTINUOUS } } : {}),
        },
        headers: {
          first: new Header({ children: [new Paragraph('')] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: heading.symbol, bold: true })],
              }),
              new Paragraph({
                alignment: AlignmentType.LEFT,
                children: [new TextRun({ text: heading.title, size: 18 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [...firstPageBlock(heading, status), ...children],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

// The UN masthead: organization and symbol on one line, distribution, date and language
// under the symbol, the session block, the title, and what kind of text this is. Its lines
// are not the text's: Word's line numbers, when asked for, start with the text.
function firstPageBlock(heading: DocumentHeader, status: string): Paragraph[] {
  const masthead = (options: IParagraphOptions) => new Paragraph({ ...options, suppressLineNumbers: true })
  const right = (text: string) =>
    masthead({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, size: 20 })] })
  return [
    masthead({
      tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
      border: { bottom: { style: 'single', size: 12, color: '000000', space: 2 } },
      children: [
        new TextRun({ text: 'UNITED NATIONS', bold: true, size: 20 }),
        new TextRun({ children: [new Tab(), heading.symbol], bold: true, size: 28 }),
      ],
    }),
    ...distributionLines(heading).map(right),
    ...sessionBlock(heading).map((text) => masthead({ children: [new TextRun({ text, bold: true, size: 20 })] })),
    masthead({ spacing: { before: 240 }, children: [new TextRun({ text: heading.title, bold: true, size: 28 })] }),
    masthead({ spacing: { after: 240 }, children: [new TextRun({ text: status, italics: true, size: 20 })] }),
  ]
}

function blocks(node: Node, cx: Cx, out: (Paragraph | Table)[]): void {
  const name = node.type.name
  if (name === 'article' || name === 'section' || name === 'option') return node.forEach((c) => blocks(c, cx, out))
  if (name === 'table') return table(node, cx, out)
  // Numbered footnotes are Word footnotes, attached to their references.
  if (name === 'footnote' && node.attrs.kind === 'numbered' && cx.bodies.get(node.attrs.label) === node) return
  const options: IParagraphOptions = { children: runs(node, cx) }
  if (name === 'heading')
    out.push(new Paragraph({ ...options, heading: HEADINGS[node.attrs.level] ?? HeadingLevel.HEADING_3 }))
  else if (name === 'list_item') out.push(new Paragraph({ ...options, indent: { left: 720 } }))
  else if (name === 'instruction' || name === 'applicability')
    out.push(new Paragraph({ children: runs(node, cx, { italics: true }) }))
  else if (name === 'footnote') out.push(new Paragraph({ children: runs(node, cx, { size: 18 }) }))
  else out.push(new Paragraph(options))
}

function table(node: Node, cx: Cx, out: (Paragraph | Table)[]): void {
  const rows: TableRow[] = []
  const notes: Paragraph[] = []
  const width = Math.max(1, ...node.content.content.filter((c) => c.type.name === 'table_row').map((r) => r.childCount))
  node.forEach((child) => {
    if (child.type.name === 'table_row') {
      const cells: TableCell[] = []
      child.forEach((cell) =>
        cells.push(
          new TableCell({
            children: [
              new Paragraph({ children: runs(cell, cx, child.attrs.header ? { bold: true, size: 18 } : { size: 18 }) }),
            ],
          }),
        ),
      )
      for (let i = cells.length; i < width; i++) cells.push(new TableCell({ children: [new Paragraph('')] }))
      rows.push(
        new TableRow({ children: cells, ...(child.attrs.header && rows.length === 0 ? { tableHeader: true } : {}) }),
      )
    } else if (child.type.name === 'table_break') {
      rows.push(
        new TableRow({
          children: [
            new TableCell({
              columnSpan: width,
              children: [
                new Paragraph({ alignment: AlignmentType.CENTER, children: runs(child, cx, { italics: true }) }),
              ],
            }),
          ],
        }),
      )
    } else notes.push(new Paragraph({ children: runs(child, cx, { size: 18 }) }))
  })
  if (rows.length) out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }))
  out.push(...notes)
}

type RunStyle = { bold?: boolean; italics?: boolean; size?: number }

function runs(parent: Node, cx: Cx, style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = []
  const text = (t: string, extra: RunStyle & { superScript?: boolean; color?: string } = {}) =>
    out.push(new TextRun({ text: t, ...style, ...extra }))
  parent.forEach((node) => {
    switch (node.type.name) {
      case 'text':
        return text(node.text!, node.marks.some((m) => m.type.name === 'unmatched') ? { color: 'B00020' } : {})
      case 'hard_break':
        return out.push(new TextRun({ break: 1 }))
      case 'label':
        // A table note's own mark (`^a`) is raised like its references; a numbered note's is its Word footnote.
        return node.attrs.kind === 'footnote'
          ? text(footnoteMark(node.attrs.text), { superScript: true })
          : text(node.attrs.text)
      case 'blank':
        return text(node.attrs.text, { color: 'A05A00' })
      case 'placeholder':
        return text(node.attrs.name, { bold: true })
      case 'footnote_ref': {
        const id = footnoteId(node.attrs.label, cx)
        return id === null
          ? text(footnoteMark(node.attrs.text), { superScript: true })
          : out.push(new FootnoteReferenceRun(id))
      }
      case 'bracket_start':
      case 'bracket_end':
        return text(node.type.name === 'bracket_start' ? '[' : ']', { bold: true, color: 'A05A00' })
      case 'editorial_note':
        text(node.attrs.style === 'curly' ? '{' : '[*', { italics: true })
        out.push(...runs(node, cx, { ...style, italics: true }))
        return text(node.attrs.style === 'curly' ? '}' : '*]', { italics: true })
      case 'bracket_group': {
        const square = node.attrs.style !== 'slash'
        node.forEach((alt) => {
          const bracketed = square && alt.type.name === 'alternative'
          if (bracketed) text('[', { bold: true, color: 'A05A00' })
          out.push(...runs(alt, cx, style))
          if (bracketed) text(']', { bold: true, color: 'A05A00' })
        })
        return
      }
      default:
        out.push(...runs(node, cx, style))
    }
  })
  return out
}

// A numbered footnote's Word id, creating the footnote on first reference; null for table notes.
function footnoteId(label: string, cx: Cx): number | null {
  const body = cx.bodies.get(label)
  if (!body || body.attrs.kind !== 'numbered') return null
  if (!cx.ids.has(label)) {
    const id = cx.ids.size + 1
    cx.ids.set(label, id)
    const children: Node[] = []
    body.forEach((c, _, i) => {
      if (!(i === 0 && c.type.name === 'label')) children.push(c)
    })
    const paragraph = body.type.schema.nodes.paragraph.create(null, children)
    cx.footnotes[id] = { children: [new Paragraph({ children: runs(paragraph, cx) })] }
  }
  return cx.ids.get(label)!
}
