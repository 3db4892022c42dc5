import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { CreateWebhook, UpdateWebhook, WebhookEvent } from "../../contracts/webhooks";
import type { Database } from "../../db/client";
import { unitClosure, webhookDeliveries, webhookMetricState, webhookSubscriptions } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { randomToken } from "../../lib/crypto";
import { writeTransaction } from "../../db/write-transaction";
import { auditInsert, commonAncestor } from "../admin/audit";
import { forbidden, invalid, notFound } from "../refusal";
import { getUnit, isWithinScope } from "../units/units";

export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;

interface Actor {
  username: string;
  scope: string;
}

/** What the API shows of a subscription: everything but the secret (shown once, when made). */
export function webhookView(s: WebhookSubscription) {
  return {
    id: s.id,
    unitCode: s.unitCode,
    name: s.name,
    url: s.url,
    format: s.format,
    events: parseEvents(s.events),
    active: s.active,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    /** Enough to tell two secrets apart, not enough to use one. */
    secretHint: `…${s.secret.slice(-4)}`,
  };
}
export type WebhookView = ReturnType<typeof webhookView>;

export const parseEvents = (events: string): WebhookEvent[] => JSON.parse(events) as WebhookEvent[];

/**
 * A URL with its query values masked: robots take their credential there (企业微信 `key`, 钉钉
 * `access_token`), and the audit log is read by every admin above the unit.
 */
function maskedUrl(url: string): string {
  const u = new URL(url);
  for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, "***");
  return u.toString();
}

/** The audited state of a subscription: never its secret, nor the credentials in its URL. */
const audited = (s: WebhookSubscription) => {
  const { secretHint: _hint, ...rest } = webhookView(s);
  return { ...rest, url: maskedUrl(rest.url) };
};

async function checkUnit(tx: DrizzleTx, actor: Actor, unitCode: string): Promise<void> {
  if (!(await getUnit(tx, unitCode)))
    throw invalid("unknown_unit", `单位 ${unitCode} 不存在`, [{ path: "unitCode", message: "单位不存在" }]);
  if (!(await isWithinScope(tx, actor.scope, unitCode))) throw forbidden("无权为该单位设置消息推送");
}

/** The stored subscription, if its unit lies in the actor's scope (else 404 / 403). */
async function scopedIn(tx: DrizzleTx | Database, actor: Actor, id: string): Promise<WebhookSubscription> {
  const found = await tx.query.webhookSubscriptions.findFirst({ where: eq(webhookSubscriptions.id, id) });
  if (!found) throw notFound("推送");
  if (!(await isWithinScope(tx, actor.scope, found.unitCode))) throw forbidden("无权管理该单位的消息推送");
  return found;
}

/** A read of one subscription in the actor's scope. */
export function getScopedWebhook(db: Database, actor: Actor, id: string): Promise<WebhookSubscription> {
  return scopedIn(db, actor, id);
}

/** Makes a subscription with its audit entry; the answer carries the secret, this once. */
export async function createWebhook(
  db: Database,
  actor: Actor,
  input: CreateWebhook,
  now: Date,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  return writeTransaction(db, async (tx) => {
    await checkUnit(tx, actor, input.unitCode);
    const row: WebhookSubscription = {
      id: crypto.randomUUID(),
      unitCode: input.unitCode,
      name: input.name,
      url: input.url,
      format: input.format,
      secret: input.secret ?? randomToken(32),
      events: JSON.stringify(input.events),
      active: true,
      createdBy: actor.username,
      createdAt: now.toISOString(),
    };
    await tx.insert(webhookSubscriptions).values(row);
    await auditInsert(
      tx,
      { actor: actor.username, action: "webhooks.create", target: row.id, scopeUnit: row.unitCode, after: audited(row) },
      now,
    );
    return { subscription: row, secret: row.secret };
  });
}

/** Changes a subscription: its stored unit and its new one must both lie in the actor's scope. */
export async function updateWebhook(
  db: Database,
  actor: Actor,
  id: string,
  change: UpdateWebhook,
  now: Date,
): Promise<WebhookSubscription> {
  return writeTransaction(db, async (tx) => {
    const before = await scopedIn(tx, actor, id);
    if (change.unitCode !== undefined && change.unitCode !== before.unitCode) await checkUnit(tx, actor, change.unitCode);
    const { events, ...rest } = change;
    const [after] = await tx
      .update(webhookSubscriptions)
      .set({ ...rest, ...(events ? { events: JSON.stringify(events) } : {}) })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    // A new unit watches other units: its remembered statuses no longer apply.
    if (after!.unitCode !== before.unitCode) await tx.delete(webhookMetricState).where(eq(webhookMetricState.subscriptionId, id));
    await auditInsert(
      tx,
      {
        actor: actor.username,
        action: "webhooks.update",
        target: id,
        // Moved between units: the log of their common ancestor, so admins of either side see it.
        scopeUnit: await commonAncestor(tx, before.unitCode, after!.unitCode),
        before: audited(before),
        after: audited(after!),
      },
      now,
    );
    return after!;
  });
}

/** Removes a subscription with its delivery log and remembered statuses; the audit log keeps it. */
export async function deleteWebhook(db: Database, actor: Actor, id: string, now: Date): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const before = await scopedIn(tx, actor, id);
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    await tx.delete(webhookMetricState).where(eq(webhookMetricState.subscriptionId, id));
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    await auditInsert(
      tx,
      { actor: actor.username, action: "webhooks.delete", target: id, scopeUnit: before.unitCode, before: audited(before) },
      now,
    );
  });
}

/** Subscriptions of units inside `scope` (optionally of one unit's subtree), newest first. */
export async function listWebhooks(db: Database, scope: string, unit?: string): Promise<WebhookSubscription[]> {
  const inside = db
    .select({ code: unitClosure.descendant })
    .from(unitClosure)
    .where(eq(unitClosure.ancestor, unit ?? scope));
  return db
    .select()
    .from(webhookSubscriptions)
    .where(inArray(webhookSubscriptions.unitCode, inside))
    .orderBy(desc(webhookSubscriptions.createdAt))
    .all();
}

/** Active subscriptions, for the detection pass. */
export async function activeWebhooks(db: Database): Promise<WebhookSubscription[]> {
  return db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.active, true)).all();
}

/** One subscription's delivery log, newest first; `before` (a delivery id) pages back. */
export async function listDeliveries(
  db: Database,
  subscriptionId: string,
  query: { limit: number; before?: string },
): Promise<{ deliveries: (typeof webhookDeliveries.$inferSelect)[]; next: string | null }> {
  const where = [eq(webhookDeliveries.subscriptionId, subscriptionId)];
  if (query.before) {
    const anchor = await db.query.webhookDeliveries.findFirst({
      where: and(eq(webhookDeliveries.id, query.before), eq(webhookDeliveries.subscriptionId, subscriptionId)),
    });
    if (anchor) {
      where.push(
        or(
          lt(webhookDeliveries.createdAt, anchor.createdAt),
          and(eq(webhookDeliveries.createdAt, anchor.createdAt), lt(webhookDeliveries.id, anchor.id)),
        )!,
      );
    }
  }
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(...where))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  return { deliveries: page, next: rows.length > query.limit ? page.at(-1)!.id : null };
}
