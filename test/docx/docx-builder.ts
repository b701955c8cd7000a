/**
 * Tiny Word files for tests, written as the WordprocessingML Word itself
 * writes, so a test states its case in a line:
 * `docx(p(r('Parties [shall'), r('][should]')))`. Parts other than the body
 * are given as their inner XML; the package gets its content types and
 * relationships like a real one.
 */
import JSZip from 'jszip'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const NS = `xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"`

/** The parts of a test document (inner XML of each part's root). */
export interface DocxParts {
  numbering?: string
  styles?: string
  footnotes?: string
  endnotes?: string
  comments?: string
  commentsExtended?: string
  settings?: string
}

const PARTS: Record<keyof DocxParts, { root: string; file: string; type: string; rel: string }> = {
  numbering: { root: 'w:numbering', file: 'numbering.xml', type: 'numbering', rel: 'numbering' },
  styles: { root: 'w:styles', file: 'styles.xml', type: 'styles', rel: 'styles' },
  footnotes: { root: 'w:footnotes', file: 'footnotes.xml', type: 'footnotes', rel: 'footnotes' },
  endnotes: { root: 'w:endnotes', file: 'endnotes.xml', type: 'endnotes', rel: 'endnotes' },
  comments: { root: 'w:comments', file: 'comments.xml', type: 'comments', rel: 'comments' },
  commentsExtended: {
    root: 'w15:commentsEx',
    file: 'commentsExtended.xml',
    type: 'commentsExtended',
    rel: 'commentsExtended',
  },
  settings: { root: 'w:settings', file: 'settings.xml', type: 'settings', rel: 'settings' },
}

/** A .docx whose body is `body` (paragraphs and tables as XML). */
export async function docx(body: string, parts: DocxParts = {}): Promise<Uint8Array> {
  const zip = new JSZip()
  const overrides = Object.entries(parts)
    .map(([k]) => PARTS[k as keyof DocxParts])
    .map(
      (p) =>
        `<Override PartName="/word/${p.file}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${p.type}+xml"/>`,
    )
    .join('')
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides}</Types>`,
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  )
  const rels = Object.keys(parts)
    .map((k, i) => {
      const p = PARTS[k as keyof DocxParts]
      return `<Relationship Id="rId${i + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${p.rel}" Target="${p.file}"/>`
    })
    .join('')
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`,
  )
  for (const [k, inner] of Object.entries(parts)) {
    const p = PARTS[k as keyof DocxParts]
    zip.file(
      `word/${p.file}`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p.root} ${NS}>${inner}</${p.root}>`,
    )
  }
  return zip.generateAsync({ type: 'uint8array' })
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A paragraph; `pPr` is the inner XML of its properties. */
export const p = (...content: string[]) => `<w:p>${content.join('')}</w:p>`
/** A paragraph with properties. */
export const pp = (pPr: string, ...content: string[]) => `<w:p><w:pPr>${pPr}</w:pPr>${content.join('')}</w:p>`
/** A run of text; `rPr` is the inner XML of its properties (`<w:b/>`). */
export const r = (text: string, rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`
/** A numbered paragraph's properties: list `numId` at level `ilvl`. */
export const num = (numId: number, ilvl = 0) =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`
/** A tracked insertion. */
export const ins = (id: number, author: string, ...runs: string[]) =>
  `<w:ins w:id="${id}" w:author="${author}" w:date="2024-11-18T10:00:00Z">${runs.join('')}</w:ins>`
/** A tracked deletion of `text`. */
export const del = (id: number, author: string, text: string) =>
  `<w:del w:id="${id}" w:author="${author}" w:date="2024-11-18T10:00:00Z"><w:r><w:delText xml:space="preserve">${escape(text)}</w:delText></w:r></w:del>`
/** A table of rows of cells (each cell: `[text, tcPr]` or text). */
export const table = (...rows: (string | [string, string])[][]) =>
  `<w:tbl><w:tblGrid/>${rows
    .map(
      (cells) =>
        `<w:tr>${cells
          .map((c) => {
            const [text, tcPr] = typeof c === 'string' ? [c, ''] : c
            return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text ? r(text) : '')}</w:tc>`
          })
          .join('')}</w:tr>`,
    )
    .join('')}</w:tbl>`
/** A comment's range around `content`, with its reference mark. */
export const commented = (id: number, ...content: string[]) =>
  `<w:commentRangeStart w:id="${id}"/>${content.join('')}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`
/** A comment of comments.xml; `paraId` ties it to commentsExtended.xml. */
export const comment = (id: number, author: string, text: string, paraId = `0000000${id}`.slice(-8)) =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="2024-11-18T10:00:00Z" w:initials="X"><w:p w14:paraId="${paraId}"><w:r><w:annotationRef/></w:r>${r(text)}</w:p></w:comment>`
/** A list level of an abstractNum. */
export const lvl = (ilvl: number, numFmt: string, lvlText: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`
