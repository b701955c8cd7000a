/**
 * Why a file could not be read as a negotiation text: what it is or what is
 * wrong, where (a byte offset, when there is one) and what to do instead.
 * `problem` lets an HTTP edge choose its status: an unsupported kind of file
 * is a 415, an unreadable one of a supported kind a 422, an empty one a 400.
 */

/** The kinds of refusal. */
export type SourceFileProblem = 'unsupported' | 'unreadable' | 'empty'

/** A file that cannot be imported, with a message for a person. */
export class SourceFileError extends Error {
  constructor(
    readonly problem: SourceFileProblem,
    /** What the file is or what is wrong with it, naming the file. */
    readonly what: string,
    /** How to fix it. */
    readonly hint: string,
    /** Byte offset in the file (or in the named part of a package) where reading stopped. */
    readonly offset?: number,
  ) {
    super(`${what}${offset === undefined ? '' : ` (byte offset ${offset})`}; ${hint}`)
  }
}
