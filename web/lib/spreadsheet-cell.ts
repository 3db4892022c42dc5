/**
 * Cells of the spreadsheets we write (CSV and XLSX), safe to open in Excel, WPS or LibreOffice.
 *
 * A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula
 * by spreadsheet programs when the file is opened (CSV) or a cell is edited or re-saved (XLSX):
 * a unit named `=HYPERLINK("http://…","点击")` would become a live link in a 通报 table. OWASP's
 * rule (CSV Injection): prefix such text with a single quote, which the programs take as "this
 * is text", and quote the field. Only text is touched: a number stays a number, -0.5 included.
 *
 * @example safeCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"; safeCell(-3) // -3
 */
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet shows it literally: a leading formula character is quoted away. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell for a spreadsheet: text neutralised, numbers and empty cells as they are. */
export function safeCell(cell: Cell): Cell {
  return typeof cell === "string" ? neutraliseText(cell) : cell;
}

/** One CSV field (RFC 4180 quoting); a neutralised text is always quoted, as OWASP advises. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = neutraliseText(cell);
  return text !== cell || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
