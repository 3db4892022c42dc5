import { api, unwrap, withTimeout } from "../../../lib/api-client";

/**
 * The file goes as the raw body (CSV or XLSX); the server tells them apart by content. The
 * routes take no JSON, so the body and its type ride in `init`; a whole hierarchy file on a slow
 * line may take long, hence a generous timeout instead of the default 20 s.
 */
const rawFile = (file: File) => ({
  ...withTimeout(10 * 60_000),
  init: { body: file, headers: { "Content-Type": file.type || "application/octet-stream" } },
});

export const previewUnitImport = (file: File) => unwrap(api.units.import.preview.$post({}, rawFile(file)));
export const runUnitImport = (file: File) => unwrap(api.units.import.$post({}, rawFile(file)));
