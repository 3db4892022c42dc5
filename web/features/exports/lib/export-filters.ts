/** The dashboard's filters as its URL holds them (the export follows the view on screen). */
export interface ExportFilters {
  unit: string;
  audience?: string;
  channel?: "qr" | "interview";
  from?: string;
  to?: string;
  includeFlagged: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from the dashboard's query string; anything unknown is left out. */
export function exportFiltersFrom(search: string, defaultUnit: string): ExportFilters {
  const q = new URLSearchParams(search);
  const channel = q.get("channel");
  const day = (k: string) => (DAY.test(q.get(k) ?? "") ? q.get(k)! : undefined);
  return {
    unit: q.get("unit") || defaultUnit,
    audience: q.get("audience") || undefined,
    channel: channel === "qr" || channel === "interview" ? channel : undefined,
    from: day("from"),
    to: day("to"),
    includeFlagged: q.get("includeFlagged") === "1",
  };
}

/** The file name from a Content-Disposition header (RFC 5987 `filename*` first). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "");
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? "");
  return plain?.[1] ?? fallback;
}
