/** Escaping for the markup exporters (HTML and XML share the five characters), and footnote marks as printed. */

/** `text` safe in element content and in double-quoted attributes. */
export function escapeMarkup(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  )
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/**
 * A footnote or table-note mark as the exporters print it, inside a superscript: the plain
 * text's markup gone (`^a` → `a`, `^{a*}` → `a*`) and superscript digits made plain
 * (`¹` → `1`), since the exporter raises the whole mark; `*` stays `*`.
 */
export function footnoteMark(text: string): string {
  return text
    .replace(/^\^\{?/, '')
    .replace(/\}$/, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (ch) => String(SUPERSCRIPT_DIGITS.indexOf(ch)))
}
