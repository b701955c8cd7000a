/**
 * A co-chair's number typed into an Annex cell, written as the inscription it is: checked
 * by the rule every inscription passes (`checkInscriptionValue`: a QELRC above 0, an
 * amount of Gg above 0), then set as one undoable step, signed in the log. A value the
 * model would refuse is refused at the cell, and the text never holds the number.
 */
import type * as Y from 'yjs'
import { inscribe } from '../../shared/document/model-state.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { checkInscriptionValue, splitInscriptionKey } from '../../shared/model/inscriptions.ts'
import { inscriptionUnit } from '../../shared/naming/inscription-name.ts'
import type { StepRecorder } from '../editor/step-recorder.ts'
import { VALUE_ORIGIN } from '../editor/undo-manager.ts'

/** Writes inscriptions from Annex cells. */
export class InscriptionWriter {
  constructor(
    private readonly ydoc: Y.Doc,
    /** The account may write the text room's inscriptions. */
    readonly mayWrite: boolean,
    private readonly log: StepRecorder,
    /** The cell's name as the text says it ("Australia’s QELRC for 2013–2020 (Annex B)"). */
    private readonly nameOf: (key: string) => string,
  ) {}

  /** The inscription in `key`, if any. */
  get(key: string): number | string | undefined {
    return textRoom(this.ydoc).inscriptions.get(key) as number | string | undefined
  }

  /** Sets `key` from what was typed (empty clears it); returns why it was refused, or null. */
  set(key: string, typed: string): string | null {
    if (!this.mayWrite) return 'only co-chairs and the secretariat set inscriptions; a delegation proposes its own'
    const text = typed.trim()
    const name = this.nameOf(key)
    if (text === '') {
      if (this.get(key) !== undefined) this.write(key, null, `cleared ${name}`)
      return null
    }
    const value = Number(text.replace(',', '.').replace(/\s*(%|Gg)$/i, ''))
    const problem = checkInscriptionValue(splitInscriptionKey(key).column, Number.isNaN(value) ? text : value)
    if (problem) return `${name} ${problem}`
    if (this.get(key) !== value) this.write(key, value, `set ${name} to ${value}${inscriptionUnit(key)}`)
    return null
  }

  private write(key: string, value: number | null, summary: string): void {
    this.log.record(() => {
      inscribe(this.ydoc, key, value, VALUE_ORIGIN)
      return { op: 'value', ids: [key], summary }
    })
  }
}
