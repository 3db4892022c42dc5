/**
 * Failures of a libSQL transaction that say "try again", not "this is wrong". An embedded file
 * answers SQLITE_BUSY while another process writes; a libSQL server (sqld, Turso) queues write
 * transactions, answers HTTP 429 when too many wait for a connection, and rolls a transaction
 * back with TRANSACTION_TIMEOUT when it held the write lock past ~5 s while another waited.
 * In every case the transaction did not commit, so running it again is safe; when a COMMIT's
 * answer is lost the rerun finds the rows and reports them as duplicates, never twice.
 */
const TRANSIENT_CODES = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED", "TRANSACTION_TIMEOUT", "STREAM_EXPIRED"]);
const TRANSIENT_HTTP = /HTTP status (429|502|503|504)\b/;

export function isTransientDbError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && (TRANSIENT_HTTP.test(message) || /database is locked/i.test(message))) return true;
  }
  return false;
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** First backoff; doubles each time, with full jitter, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Runs `task` until it succeeds, fails for a reason `retryable` rejects, or runs out of attempts.
 *
 * @example await withRetry(() => db.transaction(write), isTransientDbError, { attempts: 8 });
 */
export async function withRetry<T>(task: () => Promise<T>, retryable: (error: unknown) => boolean, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 10;
  const base = options.baseDelayMs ?? 25;
  const max = options.maxDelayMs ?? 2_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      const ceiling = Math.min(max, base * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }
}
