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
 * Comments and pending changes, when given, become Word comments and tracked
 * changes over their words (`docx-annotations.ts`).
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
import { DocxMarkup, type DocxAnnotations } from './docx-annotations.ts'
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
  markup: DocxMarkup
}

/**
 * The .docx bytes of `doc`, with `annotations` (ranges in `doc`'s positions) as
 * comments and tracked changes. With `lineNumbers`, Word numbers every line in the
 * margin itself (its line numbering, restarting on no page): Word lays out its own
 * lines, and breaking the text at Accord's would put line breaks into the words the
 * secretariat edits.
 */
export async function renderDocx(doc: Node, options: PageOptions, annotations?: DocxAnnotations): Promise<Uint8Array> {
  const { heading, status } = options
  const cx: Cx = { ids: new Map(), bodies: new Map(), footnotes: {}, markup: new DocxMarkup(annotations) }
  doc.descendants((n) => {
    if (n.type.name === 'table') return false
    if (n.type.name === 'footnote' && !cx.bodies.has(n.attrs.label)) cx.bodies.set(n.attrs.label, n)
    return true
  })
  const children: (Paragraph | Table)[] = []
  doc.forEach((c, offset) => blocks(c, offset, cx, children))
  const rest = cx.markup.finish()
  if (rest.length) children.push(new Paragraph({ children: rest }))
  const comments = cx.markup.comments()
  const document = new Document({
    creator: 'Accord',
    title: heading.title,
    description: status,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    footnotes: cx.footnotes,
    ...(comments.length ? { comments: { children: comments } } : {}),
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

// `pos`: the document position before `node`.
function blocks(node: Node, pos: number, cx: Cx, out: (Paragraph | Table)[]): void {
  const name = node.type.name
  if (name === 'article' || name === 'section' || name === 'option')
    return node.forEach((c, offset) => blocks(c, pos + 1 + offset, cx, out))
  if (name === 'table') return table(node, pos, cx, out)
  // Numbered footnotes are Word footnotes, attached to their references.
  if (name === 'footnote' && node.attrs.kind === 'numbered' && cx.bodies.get(node.attrs.label) === node) return
  const options: IParagraphOptions = { children: runs(node, cx, {}, pos + 1) }
  if (name === 'heading')
    out.push(new Paragraph({ ...options, heading: HEADINGS[node.attrs.level] ?? HeadingLevel.HEADING_3 }))
  else if (name === 'list_item') out.push(new Paragraph({ ...options, indent: { left: 720 } }))
  else if (name === 'instruction' || name === 'applicability')
    out.push(new Paragraph({ children: runs(node, cx, { italics: true }, pos + 1) }))
  else if (name === 'footnote') out.push(new Paragraph({ children: runs(node, cx, { size: 18 }, pos + 1) }))
  else out.push(new Paragraph(options))
}

function table(node: Node, pos: number, cx: Cx, out: (Paragraph | Table)[]): void {
  const rows: TableRow[] = []
  const notes: Paragraph[] = []
  const width = Math.max(1, ...node.content.content.filter((c) => c.type.name === 'table_row').map((r) => r.childCount))
  node.forEach((child, offset) => {
    const at = pos + 1 + offset
    if (child.type.name === 'table_row') {
      const cells: TableCell[] = []
      child.forEach((cell, cellOffset) =>
        cells.push(
          new TableCell({
            children: [
              new Paragraph({
                children: runs(
                  cell,
                  cx,
                  child.attrs.header ? { bold: true, size: 18 } : { size: 18 },
                  at + 2 + cellOffset,
                ),
              }),
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
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: runs(child, cx, { italics: true }, at + 1),
                }),
              ],
            }),
          ],
        }),
      )
    } else notes.push(new Paragraph({ children: runs(child, cx, { size: 18 }, at + 1) }))
  })
  if (rows.length) out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }))
  out.push(...notes)
}

type RunStyle = { bold?: boolean; italics?: boolean; size?: number }

// `base`: the document position of `parent`'s content (null outside the body: note bodies).
function runs(parent: Node, cx: Cx, style: RunStyle, base: number | null): ParagraphChild[] {
  const out: ParagraphChild[] = []
  parent.forEach((node, offset) => {
    const at = base === null ? null : base + offset
    // `size`: the positions the characters take (a text its length, an atom one, a bracket drawn at a boundary none).
    const text = (
      t: string,
      extra: RunStyle & { superScript?: boolean; color?: string },
      pos: number | null,
      size: number,
    ) => out.push(...cx.markup.runs(t, { ...style, ...extra }, pos, size))
    const inner = (child: Node, childStyle: RunStyle, childBase: number | null) =>
      out.push(...runs(child, cx, childStyle, childBase))
    switch (node.type.name) {
      case 'text':
        return text(
          node.text!,
          node.marks.some((m) => m.type.name === 'unmatched') ? { color: 'B00020' } : {},
          at,
          node.nodeSize,
        )
      case 'hard_break':
        return out.push(new TextRun({ break: 1 }))
      case 'label':
        // A table note's own mark (`^a`) is raised like its references; a numbered note's is its Word footnote.
        return node.attrs.kind === 'footnote'
          ? text(footnoteMark(node.attrs.text), { superScript: true }, at, 1)
          : text(node.attrs.text, {}, at, 1)
      case 'blank':
        return text(node.attrs.text, { color: 'A05A00' }, at, 1)
      case 'placeholder':
        return text(node.attrs.name, { bold: true }, at, 1)
      case 'footnote_ref': {
        const id = footnoteId(node.attrs.label, cx)
        return id === null
          ? text(footnoteMark(node.attrs.text), { superScript: true }, at, 1)
          : out.push(new FootnoteReferenceRun(id))
      }
      case 'bracket_start':
      case 'bracket_end':
        return text(node.type.name === 'bracket_start' ? '[' : ']', { bold: true, color: 'A05A00' }, at, 1)
      case 'editorial_note':
        text(node.attrs.style === 'curly' ? '{' : '[*', { italics: true }, at, 0)
        inner(node, { ...style, italics: true }, at === null ? null : at + 1)
        return text(node.attrs.style === 'curly' ? '}' : '*]', { italics: true }, end(at, node), 0)
      case 'bracket_group': {
        const square = node.attrs.style !== 'slash'
        node.forEach((alt, altOffset) => {
          const altAt = at === null ? null : at + 1 + altOffset
          const bracketed = square && alt.type.name === 'alternative'
          if (bracketed) text('[', { bold: true, color: 'A05A00' }, altAt, 0)
          inner(alt, style, altAt === null ? null : altAt + 1)
          if (bracketed) text(']', { bold: true, color: 'A05A00' }, end(altAt, alt), 0)
        })
        return
      }
      default:
        inner(node, style, at === null ? null : at + 1)
    }
  })
  return out
}

// The position before the closing boundary of `node`, which starts at `at`.
const end = (at: number | null, node: Node): number | null => (at === null ? null : at + node.nodeSize - 1)

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
    cx.footnotes[id] = { children: [new Paragraph({ children: runs(paragraph, cx, {}, null) })] }
  }
  return cx.ids.get(label)!
}
