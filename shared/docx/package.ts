/**
 * The Word package (Open Packaging Conventions): a ZIP whose `_rels/.rels`
 * names the main document part, whose own relationships name the styles,
 * numbering, notes, comments and settings parts. Parts are found through the
 * relationships, not by fixed paths, and every way a file can fail to be a
 * Word document gets its own message.
 */
import JSZip from 'jszip'
import { SourceFileError } from '../source-file/error.ts'
import { parseXml, XmlError, type XmlElement } from './xml.ts'

/** The parsed parts the reader uses; only `document` is required. */
export interface DocxParts {
  document: XmlElement
  styles?: XmlElement
  numbering?: XmlElement
  footnotes?: XmlElement
  endnotes?: XmlElement
  comments?: XmlElement
  commentsExtended?: XmlElement
  settings?: XmlElement
  /** Relationship id → target, for hyperlinks (kept for the record). */
  links: Map<string, string>
}

/** Largest uncompressed size of all parts read: a package beyond it is refused (ZIP bombs). */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/'
const PART_TYPES: Record<Exclude<keyof DocxParts, 'document' | 'links'>, string> = {
  styles: 'styles',
  numbering: 'numbering',
  footnotes: 'footnotes',
  endnotes: 'endnotes',
  comments: 'comments',
  commentsExtended: 'commentsExtended',
  settings: 'settings',
}

/** Open `bytes` as a Word package and parse the parts the reader needs. */
export async function openDocxPackage(bytes: Uint8Array, name: string): Promise<DocxParts> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false })
  } catch (e) {
    throw new SourceFileError(
      'unreadable',
      `${name} is not a readable ZIP package (${(e as Error).message})`,
      'the file may be cut short or damaged; save it again from Word as .docx',
    )
  }
  let budget = MAX_UNCOMPRESSED_BYTES
  const read = async (path: string): Promise<XmlElement | undefined> => {
    const file = zip.file(path)
    if (!file) return undefined
    const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0
    budget -= size
    if (budget < 0)
      throw new SourceFileError(
        'unreadable',
        `${name} unpacks to more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB`,
        'this is not an ordinary Word document; save the text again as .docx',
      )
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.async('uint8array'))
    } catch (e) {
      throw new SourceFileError(
        'unreadable',
        `${name}: the part ${path} cannot be unpacked or is not UTF-8 XML (${(e as Error).message})`,
        'save the document again from Word as .docx',
      )
    }
    try {
      return parseXml(text)
    } catch (e) {
      if (!(e instanceof XmlError)) throw e
      throw new SourceFileError(
        'unreadable',
        `${name}: the part ${path} is not well-formed XML: ${e.message} at character ${e.offset}`,
        'save the document again from Word as .docx',
      )
    }
  }
  const mainPath = await mainDocumentPath(zip, read, name)
  const document = await read(mainPath)
  if (!document)
    throw new SourceFileError(
      'unreadable',
      zip.file('[Content_Types].xml')
        ? `${name} is an Office package without its main document (${mainPath} is missing)`
        : `${name} is a ZIP archive, not a Word document: it has no ${mainPath}`,
      zip.file('[Content_Types].xml')
        ? 'the file is damaged or not a Word document; save it again from Word as .docx'
        : 'give a Word (.docx) document or a plain-text file',
    )
  if (document.name !== 'w:document')
    throw new SourceFileError(
      'unreadable',
      `${name}: ${mainPath} is not a WordprocessingML document (its root is <${document.name}>)`,
      'give a Word (.docx) document',
    )
  const parts: DocxParts = { document, links: new Map() }
  const dir = mainPath.slice(0, mainPath.lastIndexOf('/') + 1)
  const rels = await read(`${dir}_rels/${mainPath.slice(dir.length)}.rels`)
  for (const rel of rels?.children ?? []) {
    if (typeof rel === 'string' || rel.name !== 'rel:Relationship') continue
    const type = rel.attrs.Type ?? ''
    const target = rel.attrs.Target ?? ''
    if (rel.attrs.TargetMode === 'External') {
      parts.links.set(rel.attrs.Id, target)
      continue
    }
    const short = type.startsWith(REL)
      ? type.slice(REL.length)
      : type.startsWith(REL_STRICT)
        ? type.slice(REL_STRICT.length)
        : type.slice(type.lastIndexOf('/') + 1)
    for (const [key, want] of Object.entries(PART_TYPES) as [keyof typeof PART_TYPES, string][]) {
      if (short === want && !parts[key]) parts[key] = await read(resolvePath(dir, target))
    }
  }
  return parts
}

// `_rels/.rels` names the main part; a package without it falls back to the usual path.
async function mainDocumentPath(
  zip: JSZip,
  read: (path: string) => Promise<XmlElement | undefined>,
  name: string,
): Promise<string> {
  const rels = await read('_rels/.rels')
  for (const rel of rels?.children ?? []) {
    if (typeof rel === 'string') continue
    const type = rel.attrs.Type ?? ''
    if (/\/officeDocument$/.test(type)) return resolvePath('', rel.attrs.Target ?? '')
  }
  if (!zip.file('word/document.xml') && zip.file('xl/workbook.xml'))
    throw new SourceFileError(
      'unsupported',
      `${name} is an Excel workbook, not a Word document`,
      'give a Word (.docx) document or a plain-text file',
    )
  return 'word/document.xml'
}

/** A relationship target resolved against the folder of its source part. */
function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}
