/**
 * A small, strict XML reader for the parts of a Word package: elements,
 * attributes and text, with namespace prefixes rewritten to one canonical
 * prefix per namespace (`w:p` whatever prefix the file chose), so the readers
 * match names without resolving namespaces themselves.
 *
 * Why not @xmldom/xmldom: on the corpus working file (a 657 KB document.xml)
 * xmldom takes 250–550 ms to build its DOM, more than the whole import budget;
 * this reader takes a few milliseconds. It refuses DOCTYPE (entity expansion is
 * how XML bombs work, and no Word part has one) and reports the character
 * offset of what it cannot read.
 */

/** An XML element: canonical name (`w:p`), attributes by canonical name, children in order. */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}

/** A child of an element: an element or a run of text (entities decoded). */
export type XmlNode = XmlElement | string

/** XML that cannot be read, with the character offset where reading stopped. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** Canonical prefixes of the namespaces the readers look at; strict OOXML maps to the same ones. */
const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://www.w3.org/XML/1998/namespace': 'xml',
}

const TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y
const END = /<\/([A-Za-z_][\w.:-]*)\s*>/y
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const STRAY_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/

type Scope = Map<string, string>

// Self-closing elements (most of a Word part) share one empty child list; parts are only read.
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[]

/** Parse `xml` into its root element. Throws `XmlError` on anything that is not well-formed XML. */
export function parseXml(xml: string): XmlElement {
  const stack: { element: XmlElement; raw: string; scope: Scope }[] = []
  let root: XmlElement | undefined
  let scope: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])
  let unknown = 0
  const prefixFor = new Map<string, string>()
  const canonical = (uri: string | undefined, local: string): string => {
    if (uri === undefined) return local
    let prefix = prefixFor.get(uri)
    if (prefix === undefined) {
      prefix = CANONICAL[uri] ?? `ns${++unknown}`
      prefixFor.set(uri, prefix)
    }
    return `${prefix}:${local}`
  }
  // Names resolve the same way in one scope: remember them (elements and attributes apart).
  const resolved = new Map<Scope, Map<string, string>>()
  const resolve = (raw: string, at: number, isAttribute: boolean, s: Scope): string => {
    let names = resolved.get(s)
    if (!names) resolved.set(s, (names = new Map()))
    const key = isAttribute ? '@' + raw : raw
    let name = names.get(key)
    if (name === undefined) names.set(key, (name = resolveName(raw, at, isAttribute, s)))
    return name
  }
  const resolveName = (raw: string, at: number, isAttribute: boolean, s: Scope): string => {
    const colon = raw.indexOf(':')
    if (colon < 0) return isAttribute ? raw : canonical(s.get(''), raw)
    const prefix = raw.slice(0, colon)
    const uri = s.get(prefix)
    if (uri === undefined) throw new XmlError(`undeclared namespace prefix "${prefix}"`, at)
    return canonical(uri, raw.slice(colon + 1))
  }
  let i = 0
  const n = xml.length
  if (xml.charCodeAt(0) === 0xfeff) i = 1
  while (i < n) {
    const lt = xml.indexOf('<', i)
    const textEnd = lt < 0 ? n : lt
    if (textEnd > i) {
      if (stack.length) stack[stack.length - 1].element.children.push(decode(xml.slice(i, textEnd), i))
      else if (xml.slice(i, textEnd).trim()) throw new XmlError('text outside the root element', i)
      i = textEnd
      continue
    }
    const next = xml.charCodeAt(i + 1)
    if (next === 0x2f /* / */) {
      END.lastIndex = i
      const m = END.exec(xml)
      const top = stack.pop()
      if (!m || !top || m[1] !== top.raw)
        throw new XmlError(m && top ? `</${m[1]}> closes <${top.raw}>` : 'unexpected end tag', i)
      scope = top.scope
      i = END.lastIndex
      continue
    }
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', i)
      if (close < 0) throw new XmlError('unterminated processing instruction', i)
      i = close + 2
      continue
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', i)) {
        const close = xml.indexOf('-->', i + 4)
        if (close < 0) throw new XmlError('unterminated comment', i)
        i = close + 3
      } else if (xml.startsWith('<![CDATA[', i)) {
        const close = xml.indexOf(']]>', i + 9)
        if (close < 0 || !stack.length) throw new XmlError('misplaced or unterminated CDATA section', i)
        stack[stack.length - 1].element.children.push(xml.slice(i + 9, close))
        i = close + 3
      } else throw new XmlError('DOCTYPE and other declarations are not allowed in a Word part', i)
      continue
    }
    TAG.lastIndex = i
    const m = TAG.exec(xml)
    if (!m) throw new XmlError('malformed tag', i)
    const raw = m[1]
    const attrs: Record<string, string> = {}
    let s = scope
    if (m[2]) {
      // Namespace declarations first (they scope the element's own names), then the attributes.
      if (m[2].includes('xmlns')) {
        ATTR.lastIndex = 0
        for (let a; (a = ATTR.exec(m[2]));) {
          if (a[1] !== 'xmlns' && !a[1].startsWith('xmlns:')) continue
          if (s === scope) s = new Map(scope)
          s.set(a[1] === 'xmlns' ? '' : a[1].slice(6), decode(a[2] ?? a[3], i))
        }
      }
      ATTR.lastIndex = 0
      for (let a; (a = ATTR.exec(m[2]));) {
        if (a[1] === 'xmlns' || a[1].startsWith('xmlns:')) continue
        const value = a[2] ?? a[3]
        attrs[resolve(a[1], i, true, s)] = value.includes('&') ? decode(value, i) : value
      }
    }
    const element: XmlElement = { name: resolve(raw, i, false, s), attrs, children: m[3] ? NO_CHILDREN : [] }
    if (stack.length) stack[stack.length - 1].element.children.push(element)
    else if (root) throw new XmlError('a second root element', i)
    else root = element
    if (!m[3]) {
      stack.push({ element, raw, scope })
      scope = s
    }
    i = TAG.lastIndex
  }
  if (stack.length) throw new XmlError(`<${stack[stack.length - 1].raw}> is never closed`, n)
  if (!root) throw new XmlError('no root element', 0)
  return root
}

function decode(text: string, at: number): string {
  if (!text.includes('&')) return text
  const stray = STRAY_AMPERSAND.exec(text)
  if (stray) throw new XmlError('an & that starts no entity', at + stray.index)
  return text.replace(ENTITY, (_, hex, dec, named) => {
    if (named) return NAMED[named]
    const code = parseInt(hex ?? dec, hex ? 16 : 10)
    if (code > 0x10ffff) throw new XmlError('a character reference beyond Unicode', at)
    return String.fromCodePoint(code)
  })
}

/** The first child element named `name`, if any. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

/** Every child element named `name`, in order. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = []
  if (element) for (const c of element.children) if (typeof c !== 'string' && c.name === name) out.push(c)
  return out
}

/** The concatenated text of an element's text children (not of its descendants). */
export function ownText(element: XmlElement): string {
  let out = ''
  for (const c of element.children) if (typeof c === 'string') out += c
  return out
}

/**
 * A WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="0"/>`): true when
 * present and not switched off, false when switched off, undefined when absent.
 */
export function onOff(element: XmlElement | undefined): boolean | undefined {
  if (!element) return undefined
  const v = element.attrs['w:val']
  return v === undefined || !(v === '0' || v === 'false' || v === 'off')
}

/** The `w:val` attribute of child `name`, if present. */
export function val(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs['w:val']
}
