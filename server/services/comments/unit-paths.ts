import { desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { DrizzleTx } from "../../db/sql-executor";
import { unitClosure, units } from "../../db/schema";

/**
 * The names from the root down to each unit (市 / 区 / 街道 / 社区), for many units in one
 * closure join: a page of comments or items shows where each one came from.
 */
export async function unitNamePaths(db: Database | DrizzleTx, codes: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (codes.length === 0) return out;
  const rows = await db
    .select({ unit: unitClosure.descendant, name: units.name })
    .from(unitClosure)
    .innerJoin(units, eq(units.code, unitClosure.ancestor))
    .where(inArray(unitClosure.descendant, [...new Set(codes)]))
    .orderBy(desc(unitClosure.depth));
  for (const row of rows) {
    const path = out.get(row.unit) ?? [];
    path.push(row.name);
    out.set(row.unit, path);
  }
  return out;
}
