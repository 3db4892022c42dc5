/**
 * Runs tasks that share a key one after another, in the order they arrive.
 *
 * Why: an embedded libSQL file executes statements synchronously, so a second write transaction
 * of the same process that waits for the lock (busy timeout) blocks the event loop, and with it
 * the first transaction it waits for: both stall until the timeout. Admin write transactions
 * (reviews, poster changes) of one process therefore queue here, keyed by the database; other
 * processes are kept apart by the lock itself.
 *
 * @example await exclusive(db, () => db.transaction(async (tx) => { ... }));
 */
const tails = new WeakMap<object, Promise<unknown>>();

export function exclusive<T>(key: object, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  // The next task waits for this one to settle, whether it succeeded or not.
  tails.set(key, run.catch(() => undefined));
  return run;
}
