/**
 * The message for each kind of file Accord does not import: what the file is
 * and what to send instead.
 */
import { SourceFileError } from './error.ts'
import type { FileKindGuess } from './kind.ts'

/** The refusal of a file of kind `guess` named `name`; undefined for text and Word documents. */
export function refusal(guess: FileKindGuess, name: string): SourceFileError | undefined {
  switch (guess.kind) {
    case 'text':
    case 'docx':
      return undefined
    case 'empty':
      return new SourceFileError(
        'empty',
        `${name} is empty`,
        'give the negotiation text as plain text or a Word (.docx) document',
      )
    case 'word-97':
      return new SourceFileError(
        'unsupported',
        `${name} is a Word 97–2003 document (.doc), which Accord does not read`,
        'open it in Word and save it as .docx (File › Save As › Word Document), then try again',
      )
    case 'encrypted-office':
      return new SourceFileError(
        'unsupported',
        `${name} is protected by a password (an encrypted Office file)`,
        'open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password) and save it as .docx',
      )
    case 'pdf':
      return new SourceFileError(
        'unsupported',
        `${name}: PDF import is not supported`,
        'export the text (pdftotext, or open the original in Word and save it as .docx or plain text) and give that',
      )
    case 'rtf':
      return new SourceFileError(
        'unsupported',
        `${name} is an RTF document`,
        'open it in Word and save it as .docx, then try again',
      )
    case 'image':
      return new SourceFileError(
        'unsupported',
        `${name} is ${article(guess.format)}, not a text`,
        'Accord imports plain text and Word (.docx) documents; give the text itself',
      )
    case 'zip':
      return guess.format === 'ZIP archive'
        ? undefined
        : new SourceFileError(
            'unsupported',
            `${name} is ${article(guess.format)}, not a Word document`,
            'give a Word (.docx) document or a plain-text file',
          )
    case 'ole2':
      return new SourceFileError(
        'unsupported',
        `${name} is ${article(guess.format)}, not a Word document`,
        'give a Word (.docx) document or a plain-text file',
      )
    case 'binary':
      return new SourceFileError(
        'unsupported',
        `${name} is not a text file (${guess.format} at offset ${guess.offset})`,
        'give a UTF-8 plain-text file or a Word (.docx) document',
      )
  }
}

function article(format: string): string {
  return `${/^[AEIOU]/i.test(format) ? 'an' : 'a'} ${format}`
}
