import { invalid } from "../refusal";

/**
 * Keyset cursors as opaque base64url JSON: a page continues after the last row's sort key, so
 * paging stays an index range however deep it goes, and a row written meanwhile shifts nothing.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  // btoa over UTF-8 bytes, not Buffer: the Worker runs without nodejs_compat.
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The key of a cursor, refused (422 invalid_cursor) unless it has the shape `check` accepts. */
export function decodeCursor<T>(cursor: string, check: (key: unknown) => key is T): T {
  let key: unknown;
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    key = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
  } catch {
    key = undefined;
  }
  if (!check(key)) throw invalid("invalid_cursor", "翻页标记无效，请从第一页重新查看");
  return key;
}
