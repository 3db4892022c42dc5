import { api, withTimeout } from "../../../lib/api-client";
import { toApiError } from "../../../lib/http";
import { type ExportFilters, fileNameFrom } from "../lib/export-filters";

export interface ExportProgress {
  rows: number;
  bytes: number;
  /** CSV only: rows received so far (line ends counted), so a percentage can be shown. */
  rowsReceived: number | null;
}

export interface ExportedFile {
  name: string;
  blob: Blob;
  generatedAt: string | null;
}

type Format = "xlsx" | "csv" | "sps";

/**
 * GET /api/v1/exports/responses through the typed client, reading the body as it streams so the
 * page can show progress; X-Export-Rows (sent before the rows) says how many are coming.
 */
export async function downloadExport(
  f: ExportFilters,
  options: { survey: string; format: Format; codes: boolean; generatedAt?: string; unmaskedReason?: string },
  onProgress: (p: ExportProgress) => void,
): Promise<ExportedFile> {
  const query = {
    unit: f.unit,
    survey: options.survey,
    format: options.format,
    includeFlagged: f.includeFlagged ? "1" : "0",
    ...(options.codes ? { labels: "codes" as const } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    // Issue 19: answers leave unmasked only when asked for with a reason (the server audits it).
    ...(options.unmaskedReason !== undefined ? { unmasked: "1" as const, reason: options.unmaskedReason } : {}),
  } as const;
  // The timeout covers the wait for the first byte; a large file then streams for as long as it takes.
  const res = await api.exports.responses.$get({ query }, withTimeout(120_000));
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw toApiError(res.status, body);
  }
  const rows = Number(res.headers.get("X-Export-Rows") ?? 0);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let lines = 0;
  const reader = res.body!.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    chunks.push(part.value);
    bytes += part.value.length;
    if (options.format === "csv") for (const b of part.value) if (b === 10) lines++;
    onProgress({ rows, bytes, rowsReceived: options.format === "csv" ? Math.max(0, lines - 1) : null });
  }
  return {
    name: fileNameFrom(res.headers.get("Content-Disposition"), `answers.${options.format}`),
    blob: new Blob(chunks, { type: res.headers.get("Content-Type") ?? "application/octet-stream" }),
    generatedAt: res.headers.get("X-Export-Generated-At"),
  };
}
