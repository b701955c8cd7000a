/**
 * ARTICLE 2 (entry into force) of the negotiation text: where it is, which of
 * its two options is chosen, and where the amendment stands under each — so the
 * editor can show the status beside the article and the API can answer for it.
 */
import type { Node } from 'prosemirror-model'
import { evaluateEntryIntoForce, type Acceptance, type EntryIntoForceStatus } from './evaluate.ts'

/** Parties to the Kyoto Protocol when the Doha Amendment was adopted (2012). */
export const DOHA_PARTIES_TO_PROTOCOL = 192

/** ARTICLE 2 in a document: the article's id and its options' ids in text order (Option 1 first). */
export interface Article2 {
  id: string
  options: string[]
}

/** Finds the article whose heading's label reads "ARTICLE 2"; null when the text has none. */
export function findArticle2(doc: Node): Article2 | null {
  let found: Article2 | null = null
  doc.forEach((node) => {
    if (found || node.type.name !== 'article') return
    const heading = node.firstChild
    if (!heading || heading.type.name !== 'heading') return
    let label = ''
    heading.forEach((n) => (label += n.type.name === 'label' ? n.attrs.text : (n.text ?? '')))
    if (!/^\s*article\s+2\b/i.test(label)) return
    const options: string[] = []
    node.forEach((child) => {
      if (child.type.name === 'option') options.push(child.attrs.id)
    })
    found = { id: node.attrs.id, options }
  })
  return found
}

/** The option of ARTICLE 2 the resolutions choose (1 or 2), or null while open. */
export function chosenArticle2Option(article: Article2, resolutions: Readonly<Record<string, string>>): 1 | 2 | null {
  const i = article.options.findIndex((id) => resolutions[id] === 'chosen')
  return i === 0 ? 1 : i === 1 ? 2 : null
}

/** The amendment's status under each option of ARTICLE 2. */
export interface Article2Status {
  partiesToProtocol: number
  option1: EntryIntoForceStatus
  option2: EntryIntoForceStatus
}

/** Evaluates `acceptances` on `asOf` under ARTICLE 2 Option 1 (Article 20) and Option 2 (provisional application, then Article 20). */
export function article2Status(
  acceptances: readonly Acceptance[],
  asOf: string,
  partiesToProtocol = DOHA_PARTIES_TO_PROTOCOL,
): Article2Status {
  return {
    partiesToProtocol,
    option1: evaluateEntryIntoForce(acceptances, { partiesToProtocol, option: 1 }, asOf),
    option2: evaluateEntryIntoForce(acceptances, { partiesToProtocol, option: 2 }, asOf),
  }
}
