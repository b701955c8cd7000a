/**
 * HTML of a negotiation text, styled for reading on screen and for printing
 * (the PDF is printed from it), under the UN document header (symbol,
 * distribution, date, original language, session, agenda item, title). In the
 * as-is form brackets, alternatives, optional text, options, placeholders and
 * blanks are visibly marked; a consolidated text reads as a clean document
 * (what is left open still shows). Brackets are characters of the text inside
 * their markup, never drawn by style sheets, so copying a passage gives its
 * words exactly as the plain text writes them; footnote and table-note marks are
 * superscripts. With line numbers, the lines are numbered in the margin as the
 * editor numbers them.
 */
import type { Node } from 'prosemirror-model'
import { distributionLines, sessionBlock } from './document-header.ts'
import type { PageOptions } from './page-options.ts'
import { escapeMarkup as esc, footnoteMark } from './markup.ts'
import { numberLines } from '../lines/line-numbering.ts'

/** Where numbered lines start, by position, with their numbers (empty: no numbers). */
type LineMarks = Map<number, { number: number; first: boolean }>

// The numbers' margin, when lines are numbered.
const NUMBERED_STYLE = `
body.numbered { position: relative; padding-left: 12mm; font-size: 11pt; }
body.numbered h1 { font-size: 13pt; } body.numbered h2 { font-size: 12pt; }
.ln { position: absolute; left: 0; width: 9mm; text-align: right; font: 8pt/1.75 "DejaVu Sans", sans-serif; color: #444; }
`

const STYLE = `
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 12pt; line-height: 1.4; max-width: 48em; margin: 2em auto; color: #000; }
header.document { margin-bottom: 1.5em; }
header.document .masthead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #000; padding-bottom: .2em; }
header.document .organization { font-size: 10pt; font-weight: bold; letter-spacing: .05em; text-transform: uppercase; }
header.document .symbol { text-align: right; font-weight: bold; font-size: 14pt; }
header.document .distribution { text-align: right; font-size: 10pt; margin: .3em 0 .8em; border-bottom: 1px solid #000; padding-bottom: .3em; }
header.document .session { font-size: 10pt; font-weight: bold; margin: .4em 0; }
header.document .document-title { text-align: left; font-size: 14pt; margin: .8em 0 .3em; }
header.document .status { font-style: italic; font-size: 10pt; }
h1 { font-size: 15pt; text-align: center; } h2 { font-size: 13pt; text-align: center; margin-top: 1.6em; }
h3 { font-size: 12pt; margin-top: 1.4em; } h4 { font-size: 12pt; font-style: italic; margin: 1em 0 .4em; }
p { margin: .5em 0; } p.provision { text-indent: 0; } p.list_item { margin-left: 2em; }
p.instruction { font-style: italic; } p.applicability { font-style: italic; color: #444; }
p.footnote, p.table-note { font-size: 10pt; border-top: 0.5px solid #999; padding-top: .2em; }
section.option { border-left: 3px solid #7a8fb8; padding-left: .8em; margin: 1em 0; }
section.option > h4 { color: #2d4a8a; }
.group, .optional { background: #fff4d6; } .bracket { font-weight: bold; color: #a05a00; }
sup.note { font-size: 70%; line-height: 0; }
var.placeholder { font-style: normal; font-weight: bold; background: #e3f0ff; padding: 0 .15em; }
.blank, .note { color: #a05a00; } .unmatched { color: #b00020; text-decoration: underline wavy; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: .6em 0; page-break-inside: auto; }
th, td { border: 1px solid #666; padding: .2em .4em; vertical-align: top; } th { background: #eee; }
td.number { text-align: right; } tr { page-break-inside: avoid; } thead { display: table-header-group; }
tr.break td { text-align: center; font-style: italic; border: none; }
@media print { body { margin: 0; max-width: none; } section.option { break-inside: auto; } }
`

/** The whole HTML page of `doc`. */
export function renderHtml(doc: Node, options: PageOptions): string {
  const { symbol, title } = options.heading
  const body: string[] = []
  const marks: LineMarks = new Map()
  if (options.lineNumbers)
    for (const line of numberLines(doc)) marks.set(line.pos, { number: line.number, first: line.first })
  doc.forEach((child, offset) => body.push(block(child, offset, marks)))
  const lines = (cls: string, texts: string[]) =>
    texts.length ? `<div class="${cls}">${texts.map((t) => `<div>${esc(t)}</div>`).join('')}</div>` : ''
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(symbol ? `${symbol} — ${title}` : title)}</title>
<style>${STYLE}${marks.size ? NUMBERED_STYLE : ''}</style>
</head>
<body${marks.size ? ' class="numbered"' : ''}>
<header class="document">
<div class="masthead"><div class="organization">United Nations</div>${symbol ? `<div class="symbol">${esc(symbol)}</div>` : ''}</div>
${lines('distribution', distributionLines(options.heading))}
${lines('session', sessionBlock(options.heading))}
<div class="document-title">${esc(title)}</div>
<div class="status">${esc(options.status)}</div>
</header>
${body.join('\n')}
</body>
</html>
`
}

const BRACKET_OPEN = '<span class="bracket">[</span>'
const BRACKET_CLOSE = '<span class="bracket">]</span>'

const HEADING_TAG: Record<string, string> = { title: 'h1', article: 'h2', section: 'h3', option: 'h4', annex: 'h4' }

// `pos` is the position before `node`; `marks` the line starts to number (positions in the document).
function block(node: Node, pos: number, marks: LineMarks): string {
  const name = node.type.name
  const content = () => inline(node, pos + 1, marks)
  switch (name) {
    case 'article':
    case 'section':
    case 'option': {
      const inner: string[] = []
      node.forEach((c, offset) => inner.push(block(c, pos + 1 + offset, marks)))
      return `<section class="${name}" id="${esc(node.attrs.id)}">\n${inner.join('\n')}\n</section>`
    }
    case 'heading': {
      const tag = HEADING_TAG[node.attrs.level] ?? 'h4'
      return `<${tag} class="${esc(node.attrs.level)}">${content()}</${tag}>`
    }
    case 'table':
      return table(node, pos, marks)
    case 'footnote':
      return `<p class="footnote" id="fn-${esc(node.attrs.label)}">${content()}</p>`
    default:
      return `<p class="${name}">${content()}</p>`
  }
}

/** The number of the line starting at `pos`, with a break before it unless it is its block's first. */
function lineMark(marks: LineMarks, pos: number): string {
  const mark = marks.get(pos)
  if (!mark) return ''
  return `${mark.first ? '' : '<br>'}<span class="ln">${mark.number}</span>`
}

function table(node: Node, tablePos: number, marks: LineMarks): string {
  const head: string[] = []
  const rows: string[] = []
  const notes: string[] = []
  const width = Math.max(1, ...rowsOf(node).map((r) => r.childCount))
  node.forEach((child, rowOffset) => {
    const rowPos = tablePos + 1 + rowOffset
    if (child.type.name === 'table_row') {
      const header = child.attrs.header && rows.length === 0
      const cells: string[] = []
      child.forEach((cell, cellOffset) => {
        const text = inline(cell, rowPos + 1 + cellOffset + 1, marks)
        const tag = child.attrs.header ? 'th' : 'td'
        cells.push(
          `<${tag}${/^[\d.,\s–-]+$/.test(cell.textContent) && cell.textContent ? ' class="number"' : ''}>${text}</${tag}>`,
        )
      })
      ;(header ? head : rows).push(`<tr>${cells.join('')}</tr>`)
    } else if (child.type.name === 'table_break')
      rows.push(`<tr class="break"><td colspan="${width}">${inline(child, rowPos + 1, marks)}</td></tr>`)
    else notes.push(`<p class="table-note">${inline(child, rowPos + 1, marks)}</p>`)
  })
  return `<table id="${esc(node.attrs.id)}">${head.length ? `<thead>${head.join('')}</thead>` : ''}<tbody>${rows.join('\n')}</tbody></table>\n${notes.join('\n')}`
}

function rowsOf(table: Node): Node[] {
  const out: Node[] = []
  table.forEach((c) => {
    if (c.type.name === 'table_row') out.push(c)
  })
  return out
}

// `base` is the position where `parent`'s content starts: line numbers go where their lines start.
function inline(parent: Node, base = 0, marks: LineMarks = new Map()): string {
  const out: string[] = []
  parent.forEach((node, offset) => {
    const pos = base + offset
    if (!node.isText) out.push(lineMark(marks, pos))
    switch (node.type.name) {
      case 'text': {
        const unmatched = node.marks.find((m) => m.type.name === 'unmatched')
        const text = node.text!
        let html = ''
        let from = 0
        for (let i = 0; i <= text.length; i++) {
          const mark = i < text.length ? lineMark(marks, pos + i) : ''
          if (!mark && i < text.length) continue
          html += esc(text.slice(from, i)) + mark
          from = i
        }
        out.push(unmatched ? `<span class="unmatched" title="${esc(unmatched.attrs.message)}">${html}</span>` : html)
        break
      }
      case 'hard_break':
        out.push('<br>')
        break
      case 'label':
        // A table note's or footnote's own mark (`^a`, `¹`) is raised like its references.
        out.push(
          node.attrs.kind === 'footnote'
            ? `<sup class="note label">${esc(footnoteMark(node.attrs.text))}</sup>`
            : `<span class="label">${esc(node.attrs.text)}</span>`,
        )
        break
      case 'placeholder':
        out.push(`<var class="placeholder" title="placeholder ${esc(node.attrs.name)}">${esc(node.attrs.name)}</var>`)
        break
      case 'blank':
        out.push(`<span class="blank" title="blank to be filled">${esc(node.attrs.text)}</span>`)
        break
      case 'footnote_ref':
        out.push(
          `<sup class="note ref"><a href="#fn-${esc(node.attrs.label)}">${esc(footnoteMark(node.attrs.text))}</a></sup>`,
        )
        break
      case 'editorial_note':
        out.push(
          `<em class="note">${node.attrs.style === 'curly' ? '{' : '[*'}${inline(node, pos + 1, marks)}${node.attrs.style === 'curly' ? '}' : '*]'}</em>`,
        )
        break
      case 'bracket_start':
      case 'bracket_end':
        out.push(
          `<span class="span-bracket bracket" title="bracket ${esc(node.attrs.group)}">${node.type.name === 'bracket_start' ? '[' : ']'}</span>`,
        )
        break
      case 'bracket_group': {
        const alternatives = node.content.content.filter((c) => c.type.name === 'alternative').length
        const kind = alternatives === 1 ? 'optional' : `group${node.attrs.style === 'slash' ? ' slash' : ''}`
        // Square brackets are the text's own characters: a copied passage reads as the text does.
        const [open, close] = node.attrs.style === 'slash' ? ['', ''] : [BRACKET_OPEN, BRACKET_CLOSE]
        const inner: string[] = []
        node.forEach((c, childOffset) => {
          const at = pos + 1 + childOffset
          const content = inline(c, at + 1, marks)
          if (c.type.name === 'separator') inner.push(`<span class="separator">${content}</span>`)
          else {
            // A line that starts at an alternative's bracket is numbered before the bracket.
            const mark = lineMark(marks, at)
            inner.push(
              alternatives === 1
                ? `${mark}${open}${content}${close}`
                : `${mark}<span class="alt" data-id="${esc(c.attrs.id)}">${open}${content}${close}</span>`,
            )
          }
        })
        out.push(
          `<span class="${kind}" data-id="${esc(node.attrs.id)}" title="${alternatives === 1 ? 'optional text' : 'alternatives'} ${esc(node.attrs.id)}">${inner.join('')}</span>`,
        )
        break
      }
      default:
        out.push(inline(node, pos + 1, marks))
    }
  })
  return out.join('')
}
