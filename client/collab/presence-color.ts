/**
 * A user's cursor colour: derived from the name so that everyone sees the same
 * colour for the same person, from a palette dark enough to read white text on
 * (the name tag) on a projector.
 */

const palette = ['#1f5fbf', '#a33a00', '#107040', '#7a2f9a', '#b0005a', '#005f73', '#6b5400', '#3d4fd6']

/** The colour for `name`. */
export function presenceColor(name: string): string {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0
  return palette[h % palette.length]
}
