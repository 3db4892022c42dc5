/**
 * How the Node writer groups submissions into transactions (group commit). A batch costs one
 * fsync and a fixed read-modify-write of the rollup rows it touches, whatever its size, so under
 * load bigger batches are cheaper per response; when idle, waiting for company only adds latency.
 *
 * - Idle: the first submission is committed as soon as the event loop has read what already
 *   arrived (`setImmediate`, not `setTimeout(0)`, which waits at least a millisecond and on a
 *   synchronous embedded driver leaves the process idle for it).
 * - Busy: whatever arrives while a transaction commits waits for the next one, so the batch size
 *   follows the arrival rate by itself.
 * - Capped by count and by the bytes of the answers, so one transaction never holds the write
 *   lock (and every request in it) for long.
 */
export interface BatchLimits {
  maxCount: number;
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxCount: 256, maxBytes: 2 * 1024 * 1024 };

/**
 * Resolves once the event loop has polled for I/O: requests already received join the batch.
 * (A runtime without `setImmediate`, such as workerd without Node compatibility, waits a timer.)
 */
export const afterPendingInput = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * How many of the queued items the next batch takes: at least one, then as many as fit both caps.
 *
 * @example batchSize([{ bytes: 10 }, { bytes: 10 }], { maxCount: 256, maxBytes: 15 }) // 1
 */
export function batchSize(queue: readonly { bytes: number }[], limits: BatchLimits): number {
  let bytes = 0;
  let n = 0;
  for (const item of queue) {
    if (n >= limits.maxCount || (n > 0 && bytes + item.bytes > limits.maxBytes)) break;
    bytes += item.bytes;
    n++;
  }
  return n;
}
