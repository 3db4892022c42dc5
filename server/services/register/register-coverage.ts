import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { RegisterKind } from "../../contracts/register";
import type { Database } from "../../db/client";
import { registerEntries, unitClosure, units } from "../../db/schema";
import { chunk } from "../../lib/chunk";
import { attemptLimitAt } from "./attempt-limit";
import { emptyCounts, outcomeRates, summarise, type DispositionCounts, type OutcomeRates } from "../../contracts/register-dispositions";
import { visitsByEntry } from "./register-entries";

export interface KindCoverage extends OutcomeRates {
  /** Doors in the register (imported and found in the field). */
  entries: number;
  /** Doors with at least one visit in the days asked: each door once, however many tablets knocked. */
  visited: number;
  /** visited / entries: 入户宣传 for households, 沿街商铺宣传 for shops; null without a register. */
  coverage: number | null;
  fieldAdded: number;
  dispositions: DispositionCounts;
}

const emptyKind = (): KindCoverage => ({
  entries: 0,
  visited: 0,
  coverage: null,
  fieldAdded: 0,
  dispositions: emptyCounts(),
  rr1: null,
  coop1: null,
  ref1: null,
});

function finish(k: KindCoverage): KindCoverage {
  return { ...k, coverage: k.entries ? k.visited / k.entries : null, ...outcomeRates(k.dispositions) };
}

function add(into: KindCoverage, from: KindCoverage) {
  into.entries += from.entries;
  into.visited += from.visited;
  into.fieldAdded += from.fieldAdded;
  for (const d of Object.keys(into.dispositions) as (keyof DispositionCounts)[]) into.dispositions[d] += from.dispositions[d];
}

/**
 * Coverage of the household and shop registers and the AAPOR rates (RR1, COOP1, REF1) per
 * community of the subtree, and their totals (pooled counts, not averages of rates). Every
 * community is listed, with or without a register, so the ones without a list stand out.
 */
export async function registerCoverage(db: Database, scope: string, range: { from?: string; to?: string }) {
  const communities = await db
    .select({ code: units.code, name: units.name, kind: units.kind })
    .from(unitClosure)
    .innerJoin(units, eq(units.code, unitClosure.descendant))
    .where(and(eq(unitClosure.ancestor, scope), eq(units.kind, "community")))
    .orderBy(asc(units.code))
    .all();
  const codes = communities.map((c) => c.code);
  const byEntry = await visitsByEntry(db, codes, range);
  const perUnit = new Map<string, Record<RegisterKind, KindCoverage>>(codes.map((c) => [c, { household: emptyKind(), shop: emptyKind() }]));
  const limits = new Map<string, number>();
  for (const part of chunk(codes, 200)) {
    const entries = await db
      .select({ id: registerEntries.id, unitCode: registerEntries.unitCode, kind: registerEntries.kind, source: registerEntries.source })
      .from(registerEntries)
      .where(inArray(registerEntries.unitCode, part))
      .all();
    for (const e of entries) {
      if (!limits.has(e.unitCode)) limits.set(e.unitCode, (await attemptLimitAt(db, e.unitCode)).limit);
      const k = perUnit.get(e.unitCode)![e.kind];
      const list = byEntry.get(e.id) ?? [];
      k.entries += 1;
      if (list.length > 0) k.visited += 1;
      if (e.source === "field") k.fieldAdded += 1;
      k.dispositions[summarise(list, limits.get(e.unitCode)!).disposition] += 1;
    }
  }
  const totals = { household: emptyKind(), shop: emptyKind() };
  const rows = communities.map((c) => {
    const k = perUnit.get(c.code)!;
    add(totals.household, k.household);
    add(totals.shop, k.shop);
    return { unit: c, attemptLimit: limits.get(c.code) ?? null, household: finish(k.household), shop: finish(k.shop) };
  });
  return { rows, totals: { household: finish(totals.household), shop: finish(totals.shop) } };
}

/** How many doors a community's register holds (for tests and the import's summary). */
export async function registerSize(db: Database, unitCode: string): Promise<number> {
  const row = await db.select({ n: count() }).from(registerEntries).where(eq(registerEntries.unitCode, unitCode)).get();
  return Number(row?.n ?? 0);
}
