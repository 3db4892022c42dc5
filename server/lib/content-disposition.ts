/**
 * `attachment` with an ASCII fallback name and the full (Chinese) name per RFC 6266 / 5987, for
 * every download the API sends (answer export, audit log, data subject export).
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
