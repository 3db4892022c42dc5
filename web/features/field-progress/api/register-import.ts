import { api, unwrap, withTimeout } from "../../../lib/api-client";

/** The register file as the raw body (CSV or XLSX), with a generous timeout for a district's doors on a slow line. */
const rawFile = (file: File) => ({
  ...withTimeout(10 * 60_000),
  init: { body: file, headers: { "Content-Type": file.type || "application/octet-stream" } },
});

export const previewRegisterImport = (file: File) => unwrap(api.register.import.preview.$post({}, rawFile(file)));
export const runRegisterImport = (file: File) => unwrap(api.register.import.$post({}, rawFile(file)));
export type RegisterPreview = Awaited<ReturnType<typeof previewRegisterImport>>;
