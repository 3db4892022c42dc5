import { and, asc, eq, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { webhookDeliveries, webhookSubscriptions } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { formatBody, type WebhookEventPayload } from "./messages";
import type { WebhookSubscription } from "./subscriptions";

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/**
 * Writes one outbox row per event, skipping events this subscription already has (its unique
 * event key): detection may run again, in another process or after a restart, and still never
 * queues a message twice. Answers how many rows are new.
 */
export async function enqueueEvents(
  tx: DrizzleTx | Database,
  subscription: Pick<WebhookSubscription, "id" | "name" | "format">,
  events: WebhookEventPayload[],
  now: Date,
  /** When the first attempt is due (default now). */
  firstAttemptAt: Date = now,
): Promise<WebhookDelivery[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => {
    const id = crypto.randomUUID();
    return {
      id,
      subscriptionId: subscription.id,
      eventKind: event.kind,
      eventKey: event.key,
      body: formatBody(subscription.format, event, { id, subscription: { id: subscription.id, name: subscription.name } }),
      attempts: 0,
      nextAttemptAt: firstAttemptAt.toISOString(),
      state: "pending" as const,
      createdAt: now.toISOString(),
    };
  });
  return tx
    .insert(webhookDeliveries)
    .values(rows)
    .onConflictDoNothing({ target: [webhookDeliveries.subscriptionId, webhookDeliveries.eventKey] })
    .returning();
}

/** Pending deliveries whose time has come, oldest first, with the subscription to send them to. */
export async function dueDeliveries(
  db: Database,
  now: Date,
  limit: number,
): Promise<{ delivery: WebhookDelivery; subscription: WebhookSubscription }[]> {
  const rows = await db
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(
      and(
        eq(webhookDeliveries.state, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now.toISOString()),
        // Paused subscriptions keep their queue for later; filtered here so they never crowd out the limit.
        eq(webhookSubscriptions.active, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.createdAt))
    .limit(limit)
    .all();
  return rows;
}
