import type { Database } from "../db/client";
import type { DrizzleTx } from "../db/sql-executor";
import { isTransientDbError, withRetry } from "./transient-errors";

/** The last queued admin transaction per libSQL client (one per database the process opened). */
const tails = new WeakMap<object, Promise<unknown>>();

/**
 * One admin change as an interactive write transaction (BEGIN IMMEDIATE: the write lock from
 * the first statement, so its checks read what its writes will change), run again when the
 * database says "busy, try again" (another instance or the response writer held the lock past
 * the busy timeout; nothing was committed). Errors thrown by `change`, such as a refused scope,
 * roll it back and are never retried.
 *
 * Within one process these transactions queue for each other: an embedded SQLite connection
 * waits for a lock synchronously, so a second transaction of the same process would stall the
 * event loop, and with it the first one's commit, for the whole busy timeout.
 *
 * @example await writeTransaction(db, async (tx) => { ...checks, writes and the audit entry... });
 */
export function writeTransaction<T>(db: Database, change: (tx: DrizzleTx) => Promise<T>): Promise<T> {
  const run = () => withRetry(() => db.transaction(change), isTransientDbError, { attempts: 5 });
  const previous = tails.get(db.$client) ?? Promise.resolve();
  const result = previous.then(run, run);
  tails.set(
    db.$client,
    result.catch(() => undefined),
  );
  return result;
}
