import { inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { responses, unitClosure, units } from "../../db/schema";
import { drizzleExecutor, type DrizzleTx } from "../../db/sql-executor";
import { chunk } from "../../lib/chunk";
import { auditInsert } from "../admin/audit";
import { applyRollups, rollupSourceColumns, toRollupInputs, type RollupInput } from "../rollups/rollups";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { chainOf, planImport, type ImportPlan, type UnitFields } from "./unit-import";
import type { ImportRow } from "./unit-import-file";
import { writeTransaction } from "../../db/write-transaction";

type Graph = Map<string, Pick<UnitFields, "parentCode">>;

/**
 * Plans and writes an import in one write transaction: the scope checks run against the
 * hierarchy as it stands under the write lock, so a unit moved by someone else between a preview
 * and the import cannot slip through. A plan with errors writes nothing and is returned for the
 * caller to refuse; a plan with nothing to add or change writes nothing either.
 *
 * @example const plan = await importUnits(db, registry, rows, user.scope, user.username, now);
 */
export async function importUnits(
  db: Database,
  registry: SurveyRegistry,
  rows: ImportRow[],
  scope: string,
  actor: string,
  now: Date,
): Promise<ImportPlan> {
  return writeTransaction(db, async (tx) => {
    const plan = await planImport(tx, rows, scope);
    if (plan.errors.length === 0 && (plan.adds.length > 0 || plan.changes.length > 0)) await applyPlan(tx, registry, plan, actor, now);
    return plan;
  });
}

/**
 * Units upserted, closure rows rebuilt for new units and for the whole subtree of every unit that
 * moved to another parent, one audit entry. Rollups are kept per ancestor, so the responses inside
 * a moved subtree are taken out of the old ancestors' rollups and added to the new ones.
 */
async function applyPlan(tx: DrizzleTx, registry: SurveyRegistry, plan: ImportPlan, actor: string, now: Date): Promise<void> {
  const storedGraph: Graph = new Map();
  for (const u of await tx.select({ code: units.code, parentCode: units.parentCode }).from(units)) storedGraph.set(u.code, u);
  const graph: Graph = new Map(storedGraph);
  for (const u of [...plan.adds, ...plan.changes.map((c) => c.after)]) graph.set(u.code, { parentCode: u.parentCode });

  const children = new Map<string, string[]>();
  for (const [code, u] of graph) if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), code]);
  const moved = plan.changes.filter((c) => c.fields.includes("parentCode"));
  const rebuilt = new Set<string>();
  const queue = moved.map((c) => c.code);
  while (queue.length) {
    const code = queue.pop()!;
    if (rebuilt.has(code)) continue;
    rebuilt.add(code);
    queue.push(...(children.get(code) ?? []));
  }

  const closure: (typeof unitClosure.$inferInsert)[] = [];
  for (const code of [...plan.adds.map((a) => a.code), ...rebuilt]) {
    chainOf(graph, code).forEach((ancestor, depth) => {
      closure.push({ ancestor, descendant: code, depth });
    });
  }

  const moving = rebuilt.size > 0 ? await rollupInputsUnder(tx, registry, [...rebuilt]) : [];
  await applyRollups(drizzleExecutor(tx), moving, -1); // counted under the old ancestors

  const createdAt = now.toISOString();
  const upserts = [...plan.adds.map(({ line: _l, ...u }) => u), ...plan.changes.map((c) => c.after)];
  for (const part of chunk(upserts, 2000)) {
    await tx
      .insert(units)
      .values(part.map((u) => ({ ...u, createdAt })))
      .onConflictDoUpdate({
        target: units.code,
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          parentCode: sql`excluded.parent_code`,
          households: sql`excluded.households`,
          population: sql`excluded.population`,
          shops: sql`excluded.shops`,
          students: sql`excluded.students`,
          targetN: sql`excluded.target_n`,
        },
      });
  }
  for (const part of chunk([...rebuilt], 500)) await tx.delete(unitClosure).where(inArray(unitClosure.descendant, part));
  for (const part of chunk(closure, 10000)) await tx.insert(unitClosure).values(part);
  await applyRollups(drizzleExecutor(tx), moving, 1); // and now under the new ones

  // Where the import belongs in the audit log: the nearest unit holding every place it touched
  // (the parent of each new unit, each changed unit, the old and the new parent of each move).
  const places = [
    ...plan.adds.map((a) => chainOf(graph, a.parentCode ?? a.code)),
    ...plan.changes.map((c) => chainOf(storedGraph, c.code)),
    ...moved.map((c) => chainOf(graph, c.after.parentCode ?? c.code)),
  ];
  await auditInsert(
    tx,
    {
      actor,
      action: "units.import",
      target: `${plan.adds.length} added, ${plan.changes.length} changed`,
      // Large imports keep the first thousand rows of each list; the counts are always exact.
      before: plan.changes.slice(0, 1000).map((c) => c.before),
      after: {
        added: plan.adds.length,
        changed: plan.changes.length,
        adds: plan.adds.slice(0, 1000),
        changes: plan.changes.slice(0, 1000).map((c) => c.after),
      },
      scopeUnit: nearestCommon(places),
    },
    now,
  );
}

/** The first unit of the first chain that every chain contains (chains run nearest first). */
function nearestCommon(chains: string[][]): string | null {
  const [first, ...rest] = chains;
  if (!first) return null;
  const sets = rest.map((c) => new Set(c));
  return first.find((code) => sets.every((s) => s.has(code))) ?? null;
}

/** Every stored response of the given units, as rollup inputs. */
async function rollupInputsUnder(tx: DrizzleTx, registry: SurveyRegistry, unitCodes: string[]): Promise<RollupInput[]> {
  const out: RollupInput[] = [];
  for (const part of chunk(unitCodes, 500)) {
    const rows = await tx.select(rollupSourceColumns).from(responses).where(inArray(responses.unitCode, part));
    out.push(...(await toRollupInputs(registry, rows)));
  }
  return out;
}
