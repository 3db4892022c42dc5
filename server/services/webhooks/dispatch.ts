import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { webhookDeliveries } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import type { Clock } from "../../lib/clock";
import { dingTalkSignedUrl, webhookSignature } from "../../lib/webhook-signature";
import { dueDeliveries, type WebhookDelivery } from "./outbox";
import type { WebhookSubscription } from "./subscriptions";

/** Waits after the 1st, 2nd, ... failed attempt; the last one repeats until maxAttempts. */
export const BACKOFF_SECONDS = [30, 120, 600, 3600, 21_600] as const;

export interface WebhookSender {
  fetch: typeof fetch;
  clock: Clock;
  timeoutMs: number;
  maxAttempts: number;
  /** Aborts requests under way (the Node job's stop on shutdown). */
  signal?: AbortSignal;
}

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

const MAX_ERROR_CHARS = 300;

/** At most the first few hundred characters of a receiver's answer, without reading the rest. */
async function headOf(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < MAX_ERROR_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, MAX_ERROR_CHARS);
}

/**
 * One HTTP attempt, nothing written: the body as stored, signed now (X-Timestamp, X-Signature),
 * DingTalk's query signature when that is the format, a timeout, and no redirects followed (a
 * receiver cannot bounce the request to an address the admin did not choose).
 */
export async function attemptDelivery(
  sender: Pick<WebhookSender, "fetch" | "clock" | "timeoutMs" | "signal">,
  subscription: Pick<WebhookSubscription, "url" | "secret" | "format">,
  delivery: Pick<WebhookDelivery, "id" | "body" | "eventKind">,
): Promise<AttemptResult> {
  const started = Date.now();
  const nowMs = sender.clock.now().getTime();
  const timestamp = String(Math.floor(nowMs / 1000));
  const url = subscription.format === "dingtalk" ? await dingTalkSignedUrl(subscription.url, subscription.secret, nowMs) : subscription.url;
  const timeout = AbortSignal.timeout(sender.timeoutMs);
  const signal = sender.signal ? AbortSignal.any([timeout, sender.signal]) : timeout;
  try {
    const res = await sender.fetch(url, {
      method: "POST",
      redirect: "manual",
      signal,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "chuangwen-survey-webhooks/1",
        "x-timestamp": timestamp,
        "x-signature": `sha256=${await webhookSignature(subscription.secret, timestamp, delivery.body)}`,
        "x-delivery-id": delivery.id,
        "x-event": delivery.eventKind,
      },
      body: delivery.body,
    });
    const head = await headOf(res).catch(() => "");
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}${head ? `: ${head}` : ""}`, durationMs: Date.now() - started };
  } catch (error) {
    const timedOut = timeout.aborted;
    const message = timedOut ? `超时（${sender.timeoutMs} ms 内未应答）` : error instanceof Error ? error.message : String(error);
    return { ok: false, status: null, error: message.slice(0, MAX_ERROR_CHARS), durationMs: Date.now() - started };
  }
}

/**
 * Marks the outcome of one attempt: delivered, failed for good, or due again after the backoff.
 * Undefined when the delivery is gone (its subscription was removed while it was being sent).
 */
export async function recordAttempt(
  db: Database,
  delivery: Pick<WebhookDelivery, "id" | "attempts">,
  result: AttemptResult,
  maxAttempts: number,
  now: Date,
): Promise<WebhookDelivery | undefined> {
  const attempts = delivery.attempts + 1;
  const wait = BACKOFF_SECONDS[Math.min(attempts - 1, BACKOFF_SECONDS.length - 1)]!;
  const next = result.ok
    ? { state: "delivered" as const, deliveredAt: now.toISOString() }
    : attempts >= maxAttempts
      ? { state: "failed" as const }
      : { state: "pending" as const, nextAttemptAt: new Date(now.getTime() + wait * 1000).toISOString() };
  const [row] = await writeTransaction(db, (tx) =>
    tx
      .update(webhookDeliveries)
      .set({ attempts, lastStatus: result.status, lastError: result.error, ...next })
      .where(eq(webhookDeliveries.id, delivery.id))
      .returning(),
  );
  return row;
}

/**
 * Takes a due delivery for this attempt: moves its next attempt past the request's timeout, so
 * another dispatcher (a second process, an overlapping cron run) skips it meanwhile. False when
 * someone else took it first.
 */
async function claim(db: Database, delivery: WebhookDelivery, sender: WebhookSender, now: Date): Promise<boolean> {
  const lease = new Date(now.getTime() + sender.timeoutMs + 60_000).toISOString();
  const rows = await writeTransaction(db, (tx) =>
    tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: lease })
      .where(
        and(
          eq(webhookDeliveries.id, delivery.id),
          eq(webhookDeliveries.state, "pending"),
          eq(webhookDeliveries.nextAttemptAt, delivery.nextAttemptAt),
        ),
      )
      .returning({ id: webhookDeliveries.id }),
  );
  return rows.length === 1;
}

export interface DispatchSummary {
  attempted: number;
  delivered: number;
  failed: number;
}

/**
 * Sends the due deliveries: one subscription's in order, one after another (a receiver sees its
 * messages in the order they were raised), different subscriptions side by side (a slow one
 * holds up only its own). Each outcome is written before the next attempt.
 */
export async function dispatchDue(db: Database, sender: WebhookSender, limit = 50): Promise<DispatchSummary> {
  const due = await dueDeliveries(db, sender.clock.now(), limit);
  const bySubscription = new Map<string, typeof due>();
  for (const row of due) bySubscription.set(row.subscription.id, [...(bySubscription.get(row.subscription.id) ?? []), row]);
  const summary: DispatchSummary = { attempted: 0, delivered: 0, failed: 0 };
  await Promise.all(
    [...bySubscription.values()].map(async (rows) => {
      for (const { delivery, subscription } of rows) {
        if (sender.signal?.aborted) return;
        if (!(await claim(db, delivery, sender, sender.clock.now()))) continue;
        const result = await attemptDelivery(sender, subscription, delivery);
        // Stopped on shutdown: the claim's lease runs out and the next start tries again.
        if (sender.signal?.aborted) return;
        const stored = await recordAttempt(db, delivery, result, sender.maxAttempts, sender.clock.now());
        summary.attempted++;
        if (stored?.state === "delivered") summary.delivered++;
        if (stored?.state === "failed") summary.failed++;
      }
    }),
  );
  return summary;
}
