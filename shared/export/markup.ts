/** Escaping for the markup exporters (HTML and XML share the five characters). */

/** `text` safe in element content and in double-quoted attributes. */
export function escapeMarkup(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  )
}

/** A footnote marker as a reader sees it: `^a` → `a`, `^{a*}` → `a*`, superscripts and `*` as written. */
export function footnoteMark(text: string): string {
  return text.replace(/^\^\{?/, '').replace(/\}$/, '')
}
