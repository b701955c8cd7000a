/**
 * A user's cursor colour: derived from the name so that everyone sees the same
 * colour for the same person, from a palette dark enough to read white text on
 * (the name tag) on a projector.
 */

const palette = ['#1f5fbf', '#a33a00', '#107040', '#7a2f9a', '#b0005a', '#005f73', '#6b5400', '#3d4fd6']

/**
 * The class that tints a collaborator's selection in `color` (`remote-selection-N` for
 * the palette's Nth colour). A class, not a `style` attribute: the Content-Security-Policy
 * allows no inline style.
 */
export function selectionClass(color: string | undefined): string {
  const index = color === undefined ? -1 : palette.indexOf(color)
  return index < 0 ? 'remote-selection' : `remote-selection remote-selection-${index}`
}

/** The colour for `name`. */
export function presenceColor(name: string): string {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0
  return palette[h % palette.length]
}
