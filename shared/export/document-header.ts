/**
 * The UN document header the secretariat stores with each document: its symbol
 * (FCCC/KP/AWG/2009/L.15), distribution (GENERAL, LIMITED or RESTRICTED), date,
 * original language, the session line (the body, its session, place and dates),
 * the agenda item and the title. Every issued export prints it: the first-page
 * block and the running header of the Word file, the PDF, the HTML and the Akoma
 * Ntoso metadata.
 */
import { z } from 'zod'

/** The distribution levels of a UN document. */
export const DISTRIBUTIONS = ['GENERAL', 'LIMITED', 'RESTRICTED'] as const
/** A distribution level. */
export type Distribution = (typeof DISTRIBUTIONS)[number]

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'not a calendar date',
    },
  )

/** The header as stored and sent: every field may be left empty but the distribution. */
export const DocumentHeaderSchema = z
  .object({
    symbol: z
      .string()
      .trim()
      .max(100)
      .regex(/^$|^[A-Z][A-Za-z0-9./()-]*$/, 'a UN document symbol such as FCCC/KP/AWG/2009/L.15'),
    distribution: z.enum(DISTRIBUTIONS),
    date: z.union([z.literal(''), isoDate]),
    originalLanguage: z.string().trim().max(40),
    /** The body and session, one line each: `Ad Hoc Working Group …`, `Tenth session`, `Copenhagen, 7–15 December 2009`. */
    session: z.string().trim().max(600),
    agendaItem: z.string().trim().max(300),
    title: z.string().trim().max(300),
  })
  .strict()

/** A document's header. */
export type DocumentHeader = z.infer<typeof DocumentHeaderSchema>

/** The header of a document that has none yet. */
export const EMPTY_HEADER: DocumentHeader = {
  symbol: '',
  distribution: 'LIMITED',
  date: '',
  originalLanguage: 'English',
  session: '',
  agendaItem: '',
  title: '',
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2009-11-06` as the UN writes it: `6 November 2009`. */
export function unDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${d} ${MONTHS[m - 1]} ${y}`
}

/** A header with its date and title settled for one export: the stored ones, else `today` and `fallbackTitle`. */
export function headerForExport(header: DocumentHeader, today: string, fallbackTitle: string): DocumentHeader {
  return { ...header, date: header.date || today, title: header.title || fallbackTitle }
}

/** The lines of the right-hand block under the symbol: `Distr.: LIMITED`, the date, `Original: English`. */
export function distributionLines(header: DocumentHeader): string[] {
  return [
    `Distr.: ${header.distribution}`,
    ...(header.date ? [unDate(header.date)] : []),
    ...(header.originalLanguage ? [`Original: ${header.originalLanguage}`] : []),
  ]
}

/** The session block: the session line's lines (the body, its session, place and dates). */
export function sessionLines(header: DocumentHeader): string[] {
  return header.session
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

/** The agenda item line (`Agenda item 3` when only a number is given), or null. */
export function agendaLine(header: DocumentHeader): string | null {
  const item = header.agendaItem
  if (!item) return null
  return /^\d[\w ().]*$/.test(item) ? `Agenda item ${item}` : item
}

/** The lines under the masthead's rule: the session lines, then the agenda item. */
export function sessionBlock(header: DocumentHeader): string[] {
  const agenda = agendaLine(header)
  return [...sessionLines(header), ...(agenda ? [agenda] : [])]
}
