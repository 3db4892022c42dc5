/**
 * The ranking table as rows of cells, and its two exports: CSV with a UTF-8 BOM (Excel on
 * Windows reads Chinese correctly only with it) and XLSX (write-excel-file, MIT, loaded on demand).
 * Every text cell goes through safeCell/csvField, so a unit name cannot become a formula.
 */
import { csvField, safeCell, type Cell } from "../../../lib/spreadsheet-cell";

export type { Cell };

export function toCsv(rows: Cell[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The rows as write-excel-file takes them: header bold, text neutralised, numbers as numbers. */
export function xlsxData(rows: Cell[][]) {
  return rows.map((r, i) =>
    r.map((cell) => {
      const value = safeCell(cell);
      return i === 0 ? { value, fontWeight: "bold" as const } : value;
    }),
  );
}

export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(rows: Cell[][], fileName: string) {
  download(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }), fileName);
}

/** The table on its sheet, and what it is (export-description.ts) on a second one. */
export async function downloadXlsx(rows: Cell[][], fileName: string, sheet: string, info?: { sheet: string; lines: Cell[][] }) {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  const sheets = [{ data: xlsxData(rows), sheet, stickyRowsCount: 1 }];
  if (info) sheets.push({ data: xlsxData(info.lines), sheet: info.sheet, stickyRowsCount: 0 });
  const blob = await writeXlsxFile(sheets as never).toBlob();
  download(blob, fileName);
}
