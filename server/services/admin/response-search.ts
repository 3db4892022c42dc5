import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { responses, units } from "../../db/schema";
import { normalizeDeviceId } from "../../lib/device-id";
import { reviewRowColumns, subtreeOf, toReviewRow } from "./flag-review";

export interface ResponseSearch {
  /** The caller's scope: nothing outside its subtree is ever listed. */
  scope: string;
  /** A whole response id, or its first 8+ characters. */
  id?: string;
  unit?: string;
  /** Asia/Shanghai day of completedAt (YYYY-MM-DD). */
  day?: string;
  deviceId?: string;
  channel?: "qr" | "interview";
  limit: number;
  offset: number;
}

/**
 * Any response in the caller's scope, flagged or not, so an admin can find the one to exclude.
 * The route requires an id, a day or a device: each is an indexed lookup (primary key,
 * (unit, day), (device, survey, unit)), so a search never scans or sorts the whole table.
 *
 * @example await searchResponses(db, { scope: "500104000000", unit: "500104001001", day: "2026-11-20", limit: 50, offset: 0 }, { reveal: false });
 */
export async function searchResponses(db: Database, query: ResponseSearch, access: { reveal: boolean }) {
  const where: SQL[] = [inArray(responses.unitCode, subtreeOf(db, query.scope))];
  if (query.id) {
    const id = query.id.toLowerCase();
    if (id.length === 36) where.push(eq(responses.id, id));
    // A prefix as a key range, so the primary key index answers it.
    else where.push(gte(responses.id, id), lt(responses.id, `${id}\u{10FFFF}`));
  }
  if (query.unit) where.push(inArray(responses.unitCode, subtreeOf(db, query.unit)));
  if (query.day) where.push(eq(responses.day, query.day));
  // Stored device ids are normalised on arrival; a typed one is looked up the same way.
  if (query.deviceId) where.push(eq(responses.deviceId, normalizeDeviceId(query.deviceId)));
  if (query.channel) where.push(eq(responses.channel, query.channel));
  const rows = await db
    .select(reviewRowColumns)
    .from(responses)
    .innerJoin(units, eq(units.code, responses.unitCode))
    .where(and(...where))
    .orderBy(desc(responses.receivedAt), desc(responses.id))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map((r) => toReviewRow(r, access));
}
