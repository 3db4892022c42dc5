/** A background pass on a timer (the Node entry's jobs; the Worker runs passes from its cron). */
export interface PeriodicJob<T> {
  /** Runs one pass now (after the one under way, never two at once). */
  runOnce(): Promise<T | undefined>;
  start(): void;
  /** Stops the timer, signals the pass under way to stop and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs` after the previous pass ends, so a pass that takes longer than
 * the interval is never overlapped by the next; a failed pass is logged under `name` and the
 * timer goes on. The timer never keeps the process alive on its own.
 */
export function createPeriodicJob<T>(name: string, pass: (signal: AbortSignal) => Promise<T>, intervalMs: number): PeriodicJob<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<T | undefined> = Promise.resolve(undefined);
  const runOnce = () => {
    current = current
      .catch(() => undefined)
      .then(() => (controller.signal.aborted ? undefined : pass(controller.signal)))
      .catch((error: unknown) => {
        console.error(`${name} failed`, error instanceof Error ? error.message : error);
        return undefined;
      });
    return current;
  };
  const schedule = () => {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      runOnce().finally(schedule);
    }, intervalMs);
    timer.unref?.();
  };
  return {
    runOnce,
    start: schedule,
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}
