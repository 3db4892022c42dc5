/**
 * The interviewer's own count quotas (GET /quotas/mine: today and the week ahead), kept in the
 * catalog store like units and questionnaires, so 今日 N / 目标 M and the assignments show offline.
 */
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../../../lib/api-client";
import type { QueueItem } from "../sync/types";
import { CATALOG_TIMEOUT, networkFirst } from "./catalog";
import type { InterviewDb } from "./interview-db";

export type MyQuotas = InferResponseType<(typeof api)["quotas"]["mine"]["$get"], 200> & { fetchedAt: string };
export type Assignment = MyQuotas["items"][number];

/** One catalog entry per user, so a shared tablet never shows one interviewer another's plan. */
export const quotasKey = (owner: string) => `quotas:${owner}`;

export const loadMyQuotas = (db: InterviewDb, owner: string): Promise<MyQuotas> =>
  networkFirst(db, quotasKey(owner), async () => ({
    ...(await unwrap(api.quotas.mine.$get({}, CATALOG_TIMEOUT))),
    fetchedAt: new Date().toISOString(),
  }));

/** What the tablet holds without asking the server (null before the first successful load). */
export const cachedQuotas = async (db: InterviewDb, owner: string) => (await db.getCatalog<MyQuotas>(quotasKey(owner))) ?? null;

/**
 * Completed visits of `day` per unit and questionnaire, from the records the tablet holds (sent
 * or not): what each assignment's N counts. Pruned records keep only per-day totals, so the day's
 * total N comes from dayCounts (synced-summary.ts) instead.
 */
export function completedByAssignment(items: QueueItem[], day: string, dayOf: (iso: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) {
    if (item.visit.outcome !== "completed" || dayOf(item.visit.visitedAt) !== day) continue;
    const key = `${item.visit.unitCode}|${item.visit.surveyId}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}
