import type { Config } from "../../config";
import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import { detectMetricStatus, detectQrBursts, detectStaleDevices, type DetectionLimits } from "./detect";
import { dispatchDue, type DispatchSummary, type WebhookSender } from "./dispatch";
import { activeWebhooks, parseEvents } from "./subscriptions";

export interface WebhookJobDeps {
  clock: Clock;
  fetch: typeof fetch;
  config: Pick<
    Config,
    | "WEBHOOK_TIMEOUT_SECONDS"
    | "WEBHOOK_MAX_ATTEMPTS"
    | "WEBHOOK_QR_BURST_MIN"
    | "WEBHOOK_QR_BURST_WINDOW_MINUTES"
    | "WEBHOOK_DEVICE_STALE_HOURS"
  >;
  signal?: AbortSignal;
}

export interface PassSummary extends DispatchSummary {
  queued: number;
}

export const senderOf = (deps: WebhookJobDeps): WebhookSender => ({
  fetch: deps.fetch,
  clock: deps.clock,
  timeoutMs: deps.config.WEBHOOK_TIMEOUT_SECONDS * 1000,
  maxAttempts: deps.config.WEBHOOK_MAX_ATTEMPTS,
  signal: deps.signal,
});

/**
 * One pass of the alert job: detect what each active subscription watches and queue it in the
 * outbox, then send what is due. It runs beside the request path, never inside it (the Node
 * entry's timer, the Worker's cron), so neither a slow receiver nor a slow check delays ingest.
 * One subscription's failure is logged and does not stop the others.
 */
export async function runWebhookPass(db: Database, deps: WebhookJobDeps): Promise<PassSummary> {
  const limits: DetectionLimits = {
    burstMin: deps.config.WEBHOOK_QR_BURST_MIN,
    burstWindowMinutes: deps.config.WEBHOOK_QR_BURST_WINDOW_MINUTES,
    staleHours: deps.config.WEBHOOK_DEVICE_STALE_HOURS,
  };
  let queued = 0;
  for (const sub of await activeWebhooks(db)) {
    if (deps.signal?.aborted) break;
    const events = new Set(parseEvents(sub.events));
    const now = deps.clock.now();
    try {
      if (events.has("metric_status")) queued += await detectMetricStatus(db, sub, now);
      if (events.has("qr_burst")) queued += await detectQrBursts(db, sub, limits, now);
      if (events.has("device_stale")) queued += await detectStaleDevices(db, sub, limits, now);
    } catch (error) {
      console.error(`webhook detection failed for subscription ${sub.id}`, error instanceof Error ? error.message : error);
    }
  }
  if (deps.signal?.aborted) return { queued, attempted: 0, delivered: 0, failed: 0 };
  return { queued, ...(await dispatchDue(db, senderOf(deps))) };
}

export interface WebhookJob {
  /** Runs one pass now (after the one under way, never two at once). */
  runOnce(): Promise<PassSummary | undefined>;
  start(): void;
  /** Stops the timer, aborts requests under way and waits for the pass to end. */
  stop(): Promise<void>;
}

/**
 * The Node entry's timer around runWebhookPass: every `intervalMs` after the previous pass ends
 * (a pass that takes longer than the interval is never overlapped by the next one).
 */
export function createWebhookJob(db: Database, deps: Omit<WebhookJobDeps, "signal">, intervalMs: number): WebhookJob {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<PassSummary | undefined> = Promise.resolve(undefined);
  const pass = () => {
    current = current
      .catch(() => undefined)
      .then(() => (controller.signal.aborted ? undefined : runWebhookPass(db, { ...deps, signal: controller.signal })))
      .catch((error: unknown) => {
        console.error("webhook pass failed", error instanceof Error ? error.message : error);
        return undefined;
      });
    return current;
  };
  const schedule = () => {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      pass().finally(schedule);
    }, intervalMs);
    // The job never keeps a process alive on its own.
    timer.unref?.();
  };
  return {
    runOnce: pass,
    start: schedule,
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}
