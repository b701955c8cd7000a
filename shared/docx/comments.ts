/**
 * Word comments: `comments.xml` (author, date, body), `commentsExtended.xml`
 * (replies point at their parent's last paragraph id, `done` marks resolved
 * threads) and the range anchors written where the text was read. A comment
 * without a range sits at its reference mark; a range that starts or ends on
 * a line break is pulled in to the words.
 */
import type { DocxComment } from './reading.ts'
import type { AnchorPoints } from './text-writer.ts'
import { children, ownText, type XmlElement } from './xml.ts'

/** The comments of a document, anchored in `text` by `anchors`. */
export function readComments(
  comments: XmlElement | undefined,
  extended: XmlElement | undefined,
  anchors: AnchorPoints,
  text: string,
): DocxComment[] {
  const threads = new Map<string, { parent?: string; done: boolean }>()
  for (const ex of children(extended, 'w15:commentEx'))
    threads.set(ex.attrs['w15:paraId'] ?? '', {
      parent: ex.attrs['w15:paraIdParent'],
      done: ex.attrs['w15:done'] === '1' || ex.attrs['w15:done'] === 'true',
    })
  const byParagraph = new Map<string, string>()
  const out: DocxComment[] = []
  const parents = new Map<DocxComment, string | undefined>()
  for (const c of children(comments, 'w:comment')) {
    const id = c.attrs['w:id'] ?? ''
    const paragraphs = children(c, 'w:p')
    const last = paragraphs[paragraphs.length - 1]?.attrs['w14:paraId']
    if (last) byParagraph.set(last, id)
    const thread = last ? threads.get(last) : undefined
    const body = paragraphs.map(plainText).join('\n').trim()
    const a = anchors.get(id) ?? {}
    let from = a.from ?? a.ref ?? a.to ?? text.length
    let to = a.to ?? a.ref ?? from
    if (to < from) [from, to] = [to, from]
    while (from < to && text[from] === '\n') from++
    while (to > from && text[to - 1] === '\n') to--
    const comment: DocxComment = {
      id,
      author: c.attrs['w:author'] ?? '',
      ...(c.attrs['w:initials'] ? { initials: c.attrs['w:initials'] } : {}),
      ...(c.attrs['w:date'] ? { date: c.attrs['w:date'] } : {}),
      body,
      done: thread?.done ?? false,
      quote: text.slice(from, to),
      from,
      to,
    }
    parents.set(comment, thread?.parent)
    out.push(comment)
  }
  for (const [comment, parentParagraph] of parents) {
    const parentId = parentParagraph ? byParagraph.get(parentParagraph) : undefined
    if (parentId !== undefined && parentId !== comment.id) comment.parentId = parentId
  }
  return out
}

// A comment paragraph's text: runs, tabs and breaks as spaces, field codes and deleted text left out.
function plainText(p: XmlElement): string {
  let out = ''
  let depth = 0
  let inResult = true
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue
      switch (c.name) {
        case 'w:t':
          if (inResult) out += ownText(c)
          break
        case 'w:tab':
        case 'w:br':
        case 'w:cr':
          if (inResult) out += ' '
          break
        case 'w:fldChar': {
          const type = c.attrs['w:fldCharType']
          if (type === 'begin') (depth++, (inResult = false))
          else if (type === 'separate') inResult = true
          else if (type === 'end') inResult = --depth <= 0 || inResult
          break
        }
        case 'w:del':
        case 'w:moveFrom':
        case 'w:rPr':
        case 'w:pPr':
          break
        default:
          visit(c)
      }
    }
  }
  visit(p)
  return out
}
