import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { unitClosure, units } from "../../db/schema";
import type { UnitKind } from "./units";

export interface UnitHit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  /** Names of the ancestors below `under` down to the parent, e.g. "大渡口区 新山村街道". */
  path: string;
}

/** At most this many hits: a picker shows a short list and asks for more letters. */
export const UNIT_SEARCH_LIMIT = 30;

/**
 * Units inside `under` (itself included) whose name contains `q` or whose code starts with it,
 * the higher levels first. Matches use instr/substr, so `%` or `_` in what someone typed are
 * plain characters, not LIKE wildcards.
 */
export async function searchUnits(db: Database, under: string, q: string): Promise<UnitHit[]> {
  if (!q) return [];
  const found = await db
    .select({ code: units.code, name: units.name, kind: units.kind, parentCode: units.parentCode, depth: unitClosure.depth })
    .from(unitClosure)
    .innerJoin(units, eq(units.code, unitClosure.descendant))
    .where(and(eq(unitClosure.ancestor, under), or(sql`instr(${units.name}, ${q}) > 0`, sql`substr(${units.code}, 1, ${q.length}) = ${q}`)))
    .orderBy(asc(unitClosure.depth), asc(units.code))
    .limit(UNIT_SEARCH_LIMIT);
  if (found.length === 0) return [];
  // Each hit's ancestors strictly between `under` and itself, in one read.
  const lineage = await db
    .select({ descendant: unitClosure.descendant, name: units.name, depth: unitClosure.depth })
    .from(unitClosure)
    .innerJoin(units, eq(units.code, unitClosure.ancestor))
    .where(
      inArray(
        unitClosure.descendant,
        found.map((f) => f.code),
      ),
    )
    .orderBy(sql`${unitClosure.depth} desc`);
  return found.map((f) => ({
    code: f.code,
    name: f.name,
    kind: f.kind,
    parentCode: f.parentCode,
    path: lineage
      .filter((l) => l.descendant === f.code && l.depth > 0 && l.depth < f.depth)
      .map((l) => l.name)
      .join(" "),
  }));
}
