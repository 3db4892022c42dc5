/**
 * The server's copy of web/lib/spreadsheet-cell.ts's rule (test/server/exports-cells.test.ts
 * checks the two agree): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is read as a formula by Excel, WPS or LibreOffice, so it gets a leading single quote
 * (OWASP, CSV Injection) and, in CSV, always quotes. Numbers are never touched, -0.5 included.
 * A copy rather than a shared module: the web file sits in a folder the server does not import.
 *
 * @example csvField('=HYPERLINK("x")') // "\"'=HYPERLINK(\"\"x\"\")\""
 */
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180 quoting); a neutralised text is always quoted. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = neutraliseText(cell);
  return text !== cell || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
