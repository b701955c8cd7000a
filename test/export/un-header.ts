/** A UN document header as the secretariat would give the non-paper's successor, for the tests that print one. */
import type { DocumentHeader } from '../../shared/export/document-header.ts'

/** FCCC/KP/AWG/2009/L.15, LIMITED, 15 December 2009, the AWG-KP's tenth session, agenda item 3. */
export const unHeader: DocumentHeader = {
  symbol: 'FCCC/KP/AWG/2009/L.15',
  distribution: 'LIMITED',
  date: '2009-12-15',
  originalLanguage: 'English',
  session:
    'Ad Hoc Working Group on Further Commitments for Annex I Parties under the Kyoto Protocol\nTenth session\nCopenhagen, 7–15 December 2009',
  agendaItem: '3',
  title: 'Consideration of further commitments for Annex I Parties',
}
