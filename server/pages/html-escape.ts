/** Text and attribute values into HTML: the five characters that could end or open markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside `<script type="application/json">`: no `<` (so no `</script>` or
 * `<!--`), `>` and `&` as \u escapes, and U+2028 / U+2029 escaped too (raw they end a line in
 * older JavaScript parsers). JSON.parse reads it back unchanged.
 */
export function inlineJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
