/**
 * The ranking table as rows of cells, and its two exports: CSV with a UTF-8 BOM (Excel on
 * Windows reads Chinese correctly only with it) and XLSX (write-excel-file, MIT, loaded on demand).
 */
export type Cell = string | number | null;

export function toCsv(rows: Cell[][]): string {
  const quote = (c: Cell) => {
    const s = c === null ? "" : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return "\uFEFF" + rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

function download(blob: Blob, fileName: string) {
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

export async function downloadXlsx(rows: Cell[][], fileName: string, sheet: string) {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  const data = rows.map((r, i) => r.map((value) => (i === 0 ? { value, fontWeight: "bold" as const } : value)));
  const blob = await writeXlsxFile(data as never, { sheet, stickyRowsCount: 1 }).toBlob();
  download(blob, fileName);
}
