import type { Database } from "./client";
import type { DrizzleTx } from "./sql-executor";
import { isTransientDbError, withRetry } from "./transient-errors";

/** The last queued write transaction per libSQL client (one per database the process opened). */
const tails = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `task` (one write transaction) after the earlier ones of this process on an embedded
 * database: an embedded SQLite connection waits for a lock synchronously, so two transactions of
 * one process contending inside SQLite would stall the event loop, and with it the first one's
 * commit, for the whole busy timeout. A libSQL server (sqld, Turso) waits asynchronously, and on
 * Workers one request must not await another's promise, so there nothing is queued.
 */
export function queuedWrite<T>(db: Database, task: () => Promise<T>): Promise<T> {
  if (db.$client.protocol !== "file") return task();
  const previous = tails.get(db.$client) ?? Promise.resolve();
  const result = previous.then(task, task);
  tails.set(
    db.$client,
    result.catch(() => undefined),
  );
  return result;
}

/**
 * One admin change as an interactive write transaction (BEGIN IMMEDIATE: the write lock from
 * the first statement, so its checks read what its writes will change), queued behind the
 * process's other write transactions (queuedWrite) and run again when the database says "busy,
 * try again" (another instance held the lock past the busy timeout; nothing was committed).
 * Errors thrown by `change`, such as a refused scope, roll it back and are never retried.
 *
 * @example await writeTransaction(db, async (tx) => { ...checks, writes and the audit entry... });
 */
export function writeTransaction<T>(db: Database, change: (tx: DrizzleTx) => Promise<T>): Promise<T> {
  return withRetry(() => queuedWrite(db, () => db.transaction(change)), isTransientDbError, { attempts: 5 });
}
