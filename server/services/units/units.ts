import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { unitClosure, units } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { chunk } from "../../lib/chunk";

export type UnitKind = (typeof units.$inferSelect)["kind"];
export type Unit = typeof units.$inferSelect;
export type NewUnit = Omit<typeof units.$inferInsert, "createdAt">;

/** Units that take responses: the leaves of the street and the school hierarchies. */
export const LEAF_KINDS: readonly UnitKind[] = ["community", "school"];

export async function getUnit(db: Database | DrizzleTx, code: string): Promise<Unit | undefined> {
  return db.query.units.findFirst({ where: eq(units.code, code) });
}

export async function getChildren(db: Database, code: string): Promise<Unit[]> {
  return db.select().from(units).where(eq(units.parentCode, code)).orderBy(asc(units.code));
}

/** True when `code` is `scope` itself or inside its subtree. */
export async function isWithinScope(db: Database | DrizzleTx, scope: string, code: string): Promise<boolean> {
  const row = await db
    .select({ depth: unitClosure.depth })
    .from(unitClosure)
    .where(and(eq(unitClosure.ancestor, scope), eq(unitClosure.descendant, code)))
    .get();
  return row !== undefined;
}

/** Ancestors from the root down to the unit itself, for breadcrumbs and full names. */
export async function getLineage(db: Database | DrizzleTx, code: string): Promise<Pick<Unit, "code" | "name" | "kind">[]> {
  return db
    .select({ code: units.code, name: units.name, kind: units.kind })
    .from(unitClosure)
    .innerJoin(units, eq(units.code, unitClosure.ancestor))
    .where(eq(unitClosure.descendant, code))
    .orderBy(asc(unitClosure.depth))
    .all()
    .then((rows) => rows.reverse());
}

/** The top of the hierarchy (the unit with no parent); the admin's default scope. */
export async function getRootUnit(db: Database | DrizzleTx): Promise<Unit | undefined> {
  const roots = await db.query.units.findMany({ where: (u, { isNull }) => isNull(u.parentCode), limit: 1 });
  return roots[0];
}

/**
 * Inserts units and their closure rows in one batch. Parents must come before children, either
 * in `list` or already stored.
 */
export async function addUnits(db: Database, list: NewUnit[], now: Date): Promise<void> {
  if (list.length === 0) return;
  const chains = new Map<string, string[]>();
  const outsideParents = [...new Set(list.map((u) => u.parentCode).filter((p): p is string => !!p))].filter(
    (p) => !list.some((u) => u.code === p),
  );
  if (outsideParents.length > 0) {
    const rows = await db.select().from(unitClosure).where(inArray(unitClosure.descendant, outsideParents)).orderBy(asc(unitClosure.depth));
    for (const r of rows) chains.set(r.descendant, [...(chains.get(r.descendant) ?? []), r.ancestor]);
  }
  const closure: (typeof unitClosure.$inferInsert)[] = [];
  for (const unit of list) {
    const parentChain = unit.parentCode ? chains.get(unit.parentCode) : [];
    if (!parentChain) throw new Error(`parent ${unit.parentCode} of ${unit.code} is unknown`);
    const chain = [unit.code, ...parentChain];
    chains.set(unit.code, chain);
    chain.forEach((ancestor, depth) => {
      closure.push({ ancestor, descendant: unit.code, depth });
    });
  }
  const createdAt = now.toISOString();
  const statements = [
    ...chunk(list, 500).map((part) => db.insert(units).values(part.map((u) => ({ ...u, createdAt })))),
    ...chunk(closure, 1000).map((part) => db.insert(unitClosure).values(part)),
  ];
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
}
