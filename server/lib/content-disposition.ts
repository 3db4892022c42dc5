/**
 * `attachment` with an ASCII fallback name and the full (Chinese) name per RFC 6266 / 5987.
 * (server/routes/exports.ts holds the same function; it can import this one once merged.)
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
