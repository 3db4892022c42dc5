import { and, count, eq, gt, gte, inArray, isNotNull, lt, min } from "drizzle-orm";
import { METRICS } from "../../../surveys/metrics";
import type { Database } from "../../db/client";
import { devices, responses, unitClosure, units, users, webhookMetricState } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import { shanghaiDay } from "../../lib/shanghai-day";
import { unitAndChildMetrics } from "../rates/rates";
import { getUnit } from "../units/units";
import { deviceStaleEvent, metricStatusEvent, qrBurstEvent, type WebhookEventPayload } from "./messages";
import { enqueueEvents } from "./outbox";
import type { WebhookSubscription } from "./subscriptions";

export interface DetectionLimits {
  burstMin: number;
  burstWindowMinutes: number;
  staleHours: number;
}

type Decided = "pass" | "fail";

/**
 * Metric status changes (达标 ↔ 未达标) at the subscription's unit and each of its children, by
 * the same rule as GET /rates (all time, unflagged, every audience: §5 `status`). The first pass
 * only remembers each status; `insufficient` is no change (the last decided status stays).
 * Statuses and outbox rows are written in one transaction, against the statuses as stored then.
 */
export async function detectMetricStatus(db: Database, sub: WebhookSubscription, now: Date): Promise<number> {
  const unit = await getUnit(db, sub.unitCode);
  if (!unit) return 0;
  const tree = await unitAndChildMetrics(db, unit, {});
  const observed = [
    { unit: { code: unit.code, name: unit.name }, metrics: tree.metrics, threshold: tree.settings.threshold },
    ...tree.children.map((c) => ({ unit: { code: c.unit.code, name: c.unit.name }, metrics: c.metrics, threshold: c.threshold })),
  ];
  const day = shanghaiDay(now);
  return writeTransaction(db, async (tx) => {
    const stored = await tx.select().from(webhookMetricState).where(eq(webhookMetricState.subscriptionId, sub.id)).all();
    const last = new Map(stored.map((s) => [`${s.unitCode}|${s.metric}`, s.status]));
    const events: WebhookEventPayload[] = [];
    for (const o of observed) {
      for (const metric of METRICS) {
        const m = o.metrics[metric];
        if (m.status === "insufficient") continue;
        const status: Decided = m.status;
        const previous = last.get(`${o.unit.code}|${metric}`);
        if (previous === status) continue;
        await tx
          .insert(webhookMetricState)
          .values({ subscriptionId: sub.id, unitCode: o.unit.code, metric, status, updatedAt: now.toISOString() })
          .onConflictDoUpdate({
            target: [webhookMetricState.subscriptionId, webhookMetricState.unitCode, webhookMetricState.metric],
            set: { status, updatedAt: now.toISOString() },
          });
        if (previous === undefined) continue;
        events.push(
          metricStatusEvent({
            unit: o.unit,
            metric,
            previous,
            status,
            rate: m.rate,
            respondents: m.respondents,
            threshold: o.threshold[metric],
            day,
            now,
          }),
        );
      }
    }
    return (await enqueueEvents(tx, sub, events, now)).length;
  });
}

async function unitNames(db: Database, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: units.code, name: units.name }).from(units).where(inArray(units.code, codes)).all();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Posters in the subscription's subtree with at least `burstMin` flagged QR responses received
 * in the last window. One message per poster and window (the event key holds the window's
 * number), so a burst that goes on is reported again once per window, not once per pass. The
 * day bound keeps the read on the (unit, day) index; a flagged response's day is within a day of
 * its receipt unless its clock was off by more.
 */
export async function detectQrBursts(db: Database, sub: WebhookSubscription, limits: DetectionLimits, now: Date): Promise<number> {
  const windowMs = limits.burstWindowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const rows = await db
    .select({ posterId: responses.posterId, unitCode: responses.unitCode, surveyId: min(responses.surveyId), n: count() })
    .from(responses)
    .innerJoin(unitClosure, and(eq(unitClosure.descendant, responses.unitCode), eq(unitClosure.ancestor, sub.unitCode)))
    .where(
      and(
        eq(responses.channel, "qr"),
        eq(responses.flagged, true),
        isNotNull(responses.posterId),
        gte(responses.day, shanghaiDay(new Date(since.getTime() - 86_400_000))),
        gte(responses.receivedAt, since.toISOString()),
      ),
    )
    .groupBy(responses.posterId, responses.unitCode)
    .all();
  const bursts = rows.filter((r) => r.n >= limits.burstMin);
  if (bursts.length === 0) return 0;
  const names = await unitNames(db, [...new Set(bursts.map((b) => b.unitCode))]);
  const bucket = Math.floor(now.getTime() / windowMs);
  const events = bursts.map((b) =>
    qrBurstEvent({
      unit: { code: b.unitCode, name: names.get(b.unitCode) ?? b.unitCode },
      posterId: b.posterId!,
      surveyId: b.surveyId ?? "",
      flagged: b.n,
      windowMinutes: limits.burstWindowMinutes,
      bucket,
      now,
    }),
  );
  return writeTransaction(db, async (tx) => (await enqueueEvents(tx, sub, events, now)).length);
}

/**
 * Tablets whose user serves a unit in the subscription's subtree, with unsent items and no
 * heartbeat for `staleHours`. One message per silence (the key holds the last heartbeat): a
 * tablet that comes back and goes quiet again is reported again.
 */
export async function detectStaleDevices(db: Database, sub: WebhookSubscription, limits: DetectionLimits, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - limits.staleHours * 3_600_000).toISOString();
  const rows = await db
    .select({ device: devices, scope: users.scope })
    .from(devices)
    .innerJoin(users, eq(users.username, devices.username))
    .innerJoin(unitClosure, and(eq(unitClosure.descendant, users.scope), eq(unitClosure.ancestor, sub.unitCode)))
    .where(and(gt(devices.pending, 0), lt(devices.lastHeartbeatAt, cutoff)))
    .all();
  if (rows.length === 0) return 0;
  const names = await unitNames(db, [...new Set(rows.map((r) => r.scope))]);
  const events = rows.map(({ device, scope }) =>
    deviceStaleEvent({
      unit: { code: scope, name: names.get(scope) ?? scope },
      deviceId: device.deviceId,
      username: device.username,
      pending: device.pending,
      lastHeartbeatAt: device.lastHeartbeatAt,
      hours: limits.staleHours,
      now,
    }),
  );
  return writeTransaction(db, async (tx) => (await enqueueEvents(tx, sub, events, now)).length);
}
