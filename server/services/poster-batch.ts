import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import type { DrizzleTx } from "../db/sql-executor";
import { posters, unitClosure, units } from "../db/schema";
import { randomToken } from "../lib/crypto";
import type { Poster } from "./posters";

/**
 * One poster per community directly under a subdistrict, in one statement.
 *
 * @example const made = await createPostersForCommunities(db, "500104001000", "resident", "admin", now);
 */
export async function createPostersForCommunities(
  db: Database | DrizzleTx,
  subdistrictCode: string,
  surveyId: string,
  createdBy: string,
  now: Date,
): Promise<(Poster & { unitName: string })[]> {
  const communities = await db
    .select({ code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.parentCode, subdistrictCode), eq(units.kind, "community")))
    .orderBy(asc(units.code));
  if (communities.length === 0) return [];
  const rows = communities.map((u) => ({ id: randomToken(9), unitCode: u.code, surveyId, createdBy, createdAt: now.toISOString() }));
  const created = await db.insert(posters).values(rows).returning();
  const names = new Map(communities.map((u) => [u.code, u.name]));
  return created.map((p) => ({ ...p, unitName: names.get(p.unitCode) ?? p.unitCode }));
}

/** Posters of units inside `scope` (optionally of one unit's subtree or one survey), newest first. */
export async function listPosters(
  db: Database,
  query: { scope: string; unit?: string; surveyId?: string; ids?: string[]; limit: number },
) {
  const inScope = db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.scope));
  const conditions = [inArray(posters.unitCode, inScope)];
  if (query.unit) {
    conditions.push(inArray(posters.unitCode, db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.unit))));
  }
  if (query.surveyId) conditions.push(eq(posters.surveyId, query.surveyId));
  if (query.ids) conditions.push(inArray(posters.id, query.ids));
  return db
    .select({
      id: posters.id,
      unitCode: posters.unitCode,
      unitName: units.name,
      surveyId: posters.surveyId,
      createdBy: posters.createdBy,
      createdAt: posters.createdAt,
    })
    .from(posters)
    .innerJoin(units, eq(units.code, posters.unitCode))
    .where(and(...conditions))
    .orderBy(desc(posters.createdAt), asc(posters.unitCode))
    .limit(query.limit);
}
