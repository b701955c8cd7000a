/**
 * Akoma Ntoso 3.0 XML of a negotiation text, after the AKN4UN guidelines for a
 * UN deliberative document. The FRBR identification names the actor (the body
 * the symbol belongs to) and the document's date: the Work is
 * `/akn/un/doc/{nonPaper|consolidatedText}/{actor}/{date}/{number}`, its
 * Expression `…/eng@{date}`, the number being the symbol with `/` as `-`. The
 * UN header (symbol, distribution, date, original language, session, agenda
 * item, title) is the preface, marked with `docNumber`, `docStatus`,
 * `docDate`, `session` and `docTitle`, and is kept whole in `proprietary`
 * metadata. As negotiated: every division and block an `hcontainer` named for
 * what it is; the options of a section are sibling `hcontainer name="option"`
 * elements inside the section's; a bracket group is an `inline
 * name="bracketGroup"` holding `inline name="alternative"` elements; optional
 * text is `inline name="optional"`. The choice is said by the names and the
 * nesting alone: `alternativeTo`, which AKN4UN reserves for language versions,
 * is never used (`templates/akn/README.md`). Bracket characters are text inside
 * their element, so the text reads as written. A placeholder is a `quantity`
 * with its normalized value when the scenario gives one, else a `placeholder`;
 * Parties in the Annex tables are `organization` elements referring to TLC
 * entries; footnotes and table notes are `authorialNote`s at their markers.
 * Consolidated: the same vocabulary on a text with nothing left to bracket, so
 * it reads clean.
 */
import type { Node } from 'prosemirror-model'
import type { Party } from '../parties/party.ts'
import { ANNEX_IDS } from '../consolidate/closing-annex.ts'
import { agendaLine, sessionLines, unDate, type DocumentHeader } from './document-header.ts'
import { escapeMarkup as esc, footnoteMark } from './markup.ts'

/** What the AKN document needs besides the text. */
export interface AknOptions {
  heading: DocumentHeader
  /** `asIs` (as negotiated) or `consolidated`: the Work's subtype says which. */
  version: 'asIs' | 'consolidated'
  /** Placeholder values by placeholder id (`p3` → `18`), for `quantity normalized`. */
  values: Map<string, { variable: string; value: string }>
  parties: readonly Party[]
  /** The date of the export (YYYY-MM-DD): the manifestation's, and the document's when its header has none. */
  date: string
}

/** The namespace of the UN header kept in `proprietary` metadata. */
export const HEADER_NAMESPACE = 'urn:accord:un-document-header'

/** The actor of a symbol (its parts before the year: `FCCC/KP/AWG/2009/L.15` → `fccc.kp.awg`), or `accord`. */
export function symbolActor(symbol: string): string {
  const parts = symbol.split('/')
  const year = parts.findIndex((p) => /^\d{4}$/.test(p))
  const body = year > 0 ? parts.slice(0, year) : parts.slice(0, 1)
  return (
    body
      .join('.')
      .toLowerCase()
      .replace(/[^a-z0-9.]/g, '') || 'accord'
  )
}

interface Cx {
  options: AknOptions
  eids: Set<string>
  counter: number
  notes: Map<string, Node>
  parties: Map<string, Party>
  usedParties: Set<Party>
  variables: Set<string>
}

/** The AKN XML text. */
export function renderAkn(doc: Node, options: AknOptions): string {
  const cx: Cx = {
    options,
    eids: new Set(),
    counter: 0,
    notes: footnoteBodies(doc),
    parties: partyNames(options.parties),
    usedParties: new Set(),
    variables: new Set(),
  }
  const body: string[] = []
  doc.forEach((child) => body.push(block(child, cx)))
  const header = options.heading
  const { symbol, title } = header
  const date = header.date || options.date
  const actor = symbolActor(symbol)
  const subtype = options.version === 'consolidated' ? 'consolidatedText' : 'nonPaper'
  const number = symbol
    ? symbol
        .toLowerCase()
        .replace(/\//g, '-')
        .replace(/[^a-z0-9.-]/g, '')
    : slug(title)
  const work = `/akn/un/doc/${subtype}/${actor}/${date}/${number}`
  const expression = `${work}/eng@${date}`
  const references = [
    '<TLCOrganization eId="accord" href="/akn/ontology/organization/accord" showAs="Accord"/>',
    ...(actor === 'accord'
      ? []
      : [
          `<TLCOrganization eId="${esc(actor)}" href="/akn/ontology/organization/un/${esc(actor)}" showAs="${esc(symbol.split('/').slice(0, -2).join('/') || symbol)}"/>`,
        ]),
    '<TLCOrganization eId="un" href="/akn/ontology/organization/un" showAs="United Nations"/>',
    ...[...cx.usedParties].map(
      (p) =>
        `<TLCOrganization eId="${partyEid(p)}" href="/akn/ontology/organization/un/party.${esc(p.iso)}" showAs="${esc(p.name)}"/>`,
    ),
    ...[...cx.variables]
      .sort()
      .map(
        (v) =>
          `<TLCConcept eId="var_${esc(v)}" href="/akn/ontology/concept/accord/variable.${esc(v)}" showAs="placeholder ${esc(v)}"/>`,
      ),
  ]
  const author = actor === 'accord' ? '#accord' : `#${actor}`
  const sessions = sessionLines(header)
  const agenda = agendaLine(header)
  const preface = [
    `<container name="masthead"><p class="organization"><organization refersTo="#un">United Nations</organization></p>${symbol ? `<p class="symbol"><docNumber>${esc(symbol)}</docNumber></p>` : ''}</container>`,
    `<container name="distribution"><p class="distribution">Distr.: <docStatus>${esc(header.distribution)}</docStatus></p>` +
      (header.date
        ? `<p class="date"><docDate date="${esc(header.date)}">${esc(unDate(header.date))}</docDate></p>`
        : '') +
      (header.originalLanguage ? `<p class="language">Original: ${esc(header.originalLanguage)}</p>` : '') +
      '</container>',
    // The body's name, then its session, place and dates, then the agenda item.
    ...(sessions.length || agenda
      ? [
          `<container name="session">${sessions
            .map(
              (l, i) => `<p class="session">${i === 0 ? esc(l) : `<session value="${esc(l)}">${esc(l)}</session>`}</p>`,
            )
            .join('')}${agenda ? `<p class="agendaItem">${esc(agenda)}</p>` : ''}</container>`,
        ]
      : []),
    `<p class="title"><docTitle>${esc(title)}</docTitle></p>`,
  ]
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<doc name="${subtype}">
<meta>
<identification source="#accord">
<FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/><FRBRdate date="${date}" name="issued"/><FRBRauthor href="${author}"/><FRBRcountry value="un"/><FRBRsubtype value="${subtype}"/>${symbol ? `<FRBRnumber value="${esc(symbol)}"/>` : ''}<FRBRname value="${esc(title)}"/></FRBRWork>
<FRBRExpression><FRBRthis value="${expression}/!main"/><FRBRuri value="${expression}"/><FRBRdate date="${date}" name="${options.version}"/><FRBRauthor href="${author}"/><FRBRlanguage language="eng"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="${expression}/!main.xml"/><FRBRuri value="${expression}.akn"/><FRBRdate date="${options.date}" name="export"/><FRBRauthor href="#accord"/></FRBRManifestation>
</identification>
<references source="#accord">
${references.join('\n')}
</references>
<proprietary source="#accord"><un:header xmlns:un="${HEADER_NAMESPACE}" symbol="${esc(symbol)}" distribution="${esc(header.distribution)}" date="${esc(header.date)}" originalLanguage="${esc(header.originalLanguage)}" agendaItem="${esc(header.agendaItem)}"><un:session>${esc(header.session)}</un:session><un:title>${esc(title)}</un:title></un:header></proprietary>
</meta>
<preface>${preface.join('')}</preface>
<mainBody>
${body.join('\n')}
</mainBody>
</doc>
</akomaNtoso>
`
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'text'
  )
}

function partyEid(p: Party): string {
  return `party_${p.iso.toLowerCase()}`
}

function partyNames(parties: readonly Party[]): Map<string, Party> {
  const out = new Map<string, Party>()
  for (const p of parties) out.set(p.name, p)
  return out
}

// eIds must be unique; importer ids are, generated ones are numbered.
function eid(cx: Cx, wanted: string | null, prefix: string): string {
  let id = wanted && !cx.eids.has(wanted) ? wanted : `${prefix}_${++cx.counter}`
  while (cx.eids.has(id)) id = `${prefix}_${++cx.counter}`
  cx.eids.add(id)
  return id
}

// Footnote bodies are printed at their markers; label → body (first of each label).
function footnoteBodies(doc: Node): Map<string, Node> {
  const out = new Map<string, Node>()
  doc.descendants((n) => {
    if (n.type.name === 'footnote' && !out.has(n.attrs.label)) out.set(n.attrs.label, n)
    return true
  })
  return out
}

function block(node: Node, cx: Cx): string {
  const name = node.type.name
  if (name === 'article' || name === 'section' || name === 'option') {
    const id = eid(cx, node.attrs.id, name)
    const inner: string[] = []
    let head = ''
    node.forEach((c, _, i) => {
      if (i === 0 && c.type.name === 'heading') {
        head = `<heading>${inline(c, cx)}</heading>`
        return
      }
      inner.push(block(c, cx))
    })
    const attribution =
      name === 'option' && node.attrs.attribution ? ` class="proposedBy-${esc(slug(node.attrs.attribution))}"` : ''
    // The secretariat's closing annexes are not part of the negotiated text, and say so by their name.
    const named = (Object.values(ANNEX_IDS) as string[]).includes(node.attrs.id) ? 'secretariatAnnex' : name
    return `<hcontainer name="${named}" eId="${esc(id)}"${attribution}>${head}${inner.length ? inner.join('\n') : '<content><p/></content>'}</hcontainer>`
  }
  if (name === 'footnote') return '' // printed as an authorialNote at its marker
  if (name === 'table') return table(node, cx)
  const id = eid(cx, null, name)
  const tag = name === 'heading' ? `heading_${node.attrs.level}` : name
  return `<hcontainer name="${tag}" eId="${id}"><content><p>${inline(node, cx)}</p></content></hcontainer>`
}

function table(node: Node, cx: Cx): string {
  const rows: string[] = []
  node.forEach((row) => {
    if (row.type.name === 'table_row') {
      const cells: string[] = []
      row.forEach((cell, _, i) => {
        const tag = row.attrs.header ? 'th' : 'td'
        const party = i === 0 && row.attrs.party ? cx.parties.get(row.attrs.party) : undefined
        let content = inline(cell, cx)
        if (party) {
          cx.usedParties.add(party)
          content = content.replace(
            esc(row.attrs.party),
            `<organization eId="${eid(cx, null, 'org')}" refersTo="#${partyEid(party)}">${esc(row.attrs.party)}</organization>`,
          )
        }
        cells.push(`<${tag}><p>${content}</p></${tag}>`)
      })
      if (cells.length) rows.push(`<tr>${cells.join('')}</tr>`)
    } else if (row.type.name === 'table_break')
      rows.push(`<tr><td><p><inline name="tableContinued">${inline(row, cx)}</inline></p></td></tr>`)
  })
  const id = eid(cx, node.attrs.id, 'table')
  return `<hcontainer name="annexTable" eId="${id}_container"><content>${rows.length ? `<table eId="${id}">${rows.join('\n')}</table>` : '<p/>'}</content></hcontainer>`
}

function inline(parent: Node, cx: Cx): string {
  const out: string[] = []
  parent.forEach((node) => {
    switch (node.type.name) {
      case 'text': {
        const unmatched = node.marks.find((m) => m.type.name === 'unmatched')
        out.push(
          unmatched
            ? `<inline name="unmatchedBracket" title="${esc(unmatched.attrs.message)}">${esc(node.text!)}</inline>`
            : esc(node.text!),
        )
        break
      }
      case 'hard_break':
        out.push('<eol/>')
        break
      case 'label':
        out.push(`<inline name="label" class="${esc(node.attrs.kind)}">${esc(node.attrs.text)}</inline>`)
        break
      case 'placeholder': {
        const v = cx.options.values.get(node.attrs.id)
        const variable = v?.variable ?? node.attrs.name
        cx.variables.add(variable)
        const id = eid(cx, node.attrs.id, 'placeholder')
        out.push(
          v && /^-?\d+(\.\d+)?$/.test(v.value)
            ? `<quantity eId="${esc(id)}" refersTo="#var_${esc(variable)}" normalized="${esc(v.value)}">${esc(node.attrs.name)}</quantity>`
            : `<placeholder eId="${esc(id)}" refersTo="#var_${esc(variable)}" originalText="${esc(node.attrs.name)}">${esc(node.attrs.name)}</placeholder>`,
        )
        break
      }
      case 'blank':
        out.push(`<inline name="blank" eId="${esc(eid(cx, node.attrs.id, 'blank'))}">${esc(node.attrs.text)}</inline>`)
        break
      case 'footnote_ref': {
        const body = cx.notes.get(node.attrs.label)
        const marker = footnoteMark(node.attrs.text)
        out.push(
          body
            ? `<authorialNote marker="${esc(marker)}" placement="bottom" eId="${esc(eid(cx, null, 'note'))}"><p>${inline(withoutLabel(body), cx)}</p></authorialNote>`
            : // A mark naming several notes (`a*`) has no one body: it is raised as written, without the plain text's markup.
              `<inline name="footnoteMarker"><sup>${esc(marker)}</sup></inline>`,
        )
        break
      }
      case 'editorial_note':
        out.push(
          `<inline name="editorialNote" eId="${esc(eid(cx, node.attrs.id, 'note'))}">${node.attrs.style === 'curly' ? '{' : '[*'}${inline(node, cx)}${node.attrs.style === 'curly' ? '}' : '*]'}</inline>`,
        )
        break
      case 'bracket_start':
      case 'bracket_end':
        out.push(
          `<inline name="${node.type.name === 'bracket_start' ? 'bracketStart' : 'bracketEnd'}" class="${esc(node.attrs.group)} ${esc(node.attrs.alt)}">${node.type.name === 'bracket_start' ? '[' : ']'}</inline>`,
        )
        break
      case 'bracket_group': {
        const alternatives = node.content.content.filter((c) => c.type.name === 'alternative')
        const optional = alternatives.length === 1
        const id = eid(cx, node.attrs.id, 'group')
        // The brackets are the text's own characters, inside the element that marks them.
        const [open, close] = node.attrs.style === 'slash' ? ['', ''] : ['[', ']']
        const inner: string[] = []
        node.forEach((c) => {
          if (c.type.name === 'separator') return inner.push(`<inline name="separator">${inline(c, cx)}</inline>`)
          const content = `${open}${inline(c, cx)}${close}`
          if (optional) return inner.push(content)
          inner.push(`<inline name="alternative" eId="${esc(eid(cx, c.attrs.id, 'alt'))}">${content}</inline>`)
        })
        out.push(
          `<inline name="${optional ? 'optional' : 'bracketGroup'}" eId="${esc(id)}"${node.attrs.guess ? ` class="guessed"` : ''}>${inner.join('')}</inline>`,
        )
        break
      }
      default:
        out.push(inline(node, cx))
    }
  })
  return out.join('')
}

// A footnote body without its own label (the marker carries it).
function withoutLabel(body: Node): Node {
  const children: Node[] = []
  body.forEach((c, _, i) => {
    if (i === 0 && c.type.name === 'label') return
    if (i === 1 && c.isText && children.length === 0)
      return children.push(c.type.schema.text(c.text!.replace(/^\s+/, '') || ' '))
    children.push(c)
  })
  return body.type.schema.nodes.paragraph.create(null, children)
}
