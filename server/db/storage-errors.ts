import { isTransientDbError } from "./transient-errors";

/**
 * Failures of the storage itself, not of the request: the disk is full (SQLITE_FULL), the file or
 * its folder became read-only (SQLITE_READONLY*), the disk answers I/O errors (SQLITE_IOERR*),
 * the file cannot be opened, or a libSQL server is unreachable. None is the client's fault, so the
 * answer is 503 `storage_unavailable` (docs/design.md §4: never a 5xx for anything a client can send,
 * and a 503 tells a client to try again later) instead of a generic 500.
 */
const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|NOLFS|PROTOCOL)/;
// "Network connection lost." is how workerd's fetch fails when the libSQL server is unreachable.
const STORAGE_MESSAGES =
  /database or disk is full|attempt to write a readonly database|disk I\/O error|unable to open database|fetch failed|ECONNREFUSED|ECONNRESET|Network connection lost/i;

/**
 * The storage one hop away could not take the write: the Worker's ingest shard (server/edge/)
 * answered that its database refused it, or the shard itself could not be reached. Nothing was
 * committed, or a retry finds it committed and answers a duplicate.
 */
export class StorageUnavailableError extends Error {
  override name = "StorageUnavailableError";
}

export function isStorageUnavailableError(error: unknown): boolean {
  if (isTransientDbError(error)) return true;
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StorageUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && STORAGE_CODES.test(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && STORAGE_MESSAGES.test(message)) return true;
  }
  return false;
}

/**
 * The one answer (a 503, app.ts) for writes the storage refuses; reads keep being served meanwhile.
 * Plain data: the storage layer knows nothing of HTTP.
 */
export function storageUnavailable(): { code: "storage_unavailable"; message: string } {
  return {
    code: "storage_unavailable",
    message: "数据库暂时无法写入（磁盘已满、只读或不可用），写入已暂停；已保存的数据不受影响，请稍后重试",
  };
}
