import { API_BASE } from "../../../lib/api-client";
import { NetworkError, readResponse } from "../../../lib/http";
import type { ImportPreview, ImportResult } from "../types";

/** The file goes as the raw body (CSV or XLSX); the server tells them apart by content. */
async function send<T>(path: string, file: File): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": file.type || "application/octet-stream" },
      body: file,
    });
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
  }
  return readResponse<T>(res);
}

export const previewUnitImport = (file: File) => send<ImportPreview>("/units/import/preview", file);
export const runUnitImport = (file: File) => send<ImportResult>("/units/import", file);
