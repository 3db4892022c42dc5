import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posters, unitClosure, units } from "../../db/schema";
import { auditInsert } from "../admin/audit";
import { writeTransaction } from "../../db/write-transaction";
import { newPosterRow, type Poster } from "./posters";

/**
 * One poster per community directly under a subdistrict, and their audit entry, in one write
 * transaction, which also reads the communities (so the list is the one the posters are made for).
 *
 * @example const made = await createPostersForCommunities(db, "500104001000", "resident", "admin", now);
 */
export async function createPostersForCommunities(
  db: Database,
  subdistrictCode: string,
  surveyId: string,
  createdBy: string,
  now: Date,
  window: { startsAt?: string | null; endsAt?: string | null } = {},
): Promise<(Poster & { unitName: string })[]> {
  return writeTransaction(db, async (tx) => {
    const communities = await tx
      .select({ code: units.code, name: units.name })
      .from(units)
      .where(and(eq(units.parentCode, subdistrictCode), eq(units.kind, "community")))
      .orderBy(asc(units.code));
    if (communities.length === 0) return [];
    const rows = communities.map((u) => newPosterRow({ unitCode: u.code, surveyId, createdBy, ...window }, now));
    const after = { surveyId, ...window, posters: rows.map((p) => ({ id: p.id, unitCode: p.unitCode })) };
    await tx.insert(posters).values(rows);
    await auditInsert(
      tx,
      { actor: createdBy, action: "posters.create_batch", target: subdistrictCode, scopeUnit: subdistrictCode, after },
      now,
    );
    const names = new Map(communities.map((u) => [u.code, u.name]));
    return rows.map((p) => ({ ...p, unitName: names.get(p.unitCode) ?? p.unitCode }));
  });
}

/** Posters of units inside `scope` (optionally of one unit's subtree or one survey), newest first. */
export async function listPosters(db: Database, query: { scope: string; unit?: string; surveyId?: string; ids?: string[]; limit: number }) {
  const inScope = db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.scope));
  const conditions = [inArray(posters.unitCode, inScope)];
  if (query.unit) {
    conditions.push(
      inArray(posters.unitCode, db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.unit))),
    );
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
      startsAt: posters.startsAt,
      endsAt: posters.endsAt,
      revokedAt: posters.revokedAt,
      revokedBy: posters.revokedBy,
    })
    .from(posters)
    .innerJoin(units, eq(units.code, posters.unitCode))
    .where(and(...conditions))
    .orderBy(desc(posters.createdAt), asc(posters.unitCode))
    .limit(query.limit);
}
