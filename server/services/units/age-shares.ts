import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { unitAgeShares, unitClosure, units } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import { AGE_SHARES_SUM_TOLERANCE } from "../../contracts/age-shares";
import { auditInsert } from "../admin/audit";
import { forbidden, invalid } from "../refusal";
import { residentAgeBands } from "../surveys/age-bands";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { isWithinScope, type Unit } from "./units";

type Db = Database | DrizzleTx;
type UnitRef = Pick<Unit, "code" | "name" | "kind">;
export type Shares = Record<string, number>;

/** The shares in force at a unit: its own, else its nearest ancestor's (the whole set, never mixed). */
export interface EffectiveAgeShares {
  source: UnitRef;
  shares: Shares;
  updatedAt: string;
  updatedBy: string;
}

/**
 * For each unit in `codes` that has shares up its tree (itself first), the nearest unit's set.
 * One join over unit_closure for all of them, so /rates with its children costs one query.
 */
export async function effectiveAgeShares(db: Db, codes: readonly string[]): Promise<Map<string, EffectiveAgeShares>> {
  const wanted = [...new Set(codes)];
  const out = new Map<string, EffectiveAgeShares>();
  if (wanted.length === 0) return out;
  const rows = await db
    .select({
      unit: unitClosure.descendant,
      depth: unitClosure.depth,
      code: units.code,
      name: units.name,
      kind: units.kind,
      band: unitAgeShares.band,
      share: unitAgeShares.share,
      updatedAt: unitAgeShares.updatedAt,
      updatedBy: unitAgeShares.updatedBy,
    })
    .from(unitClosure)
    .innerJoin(unitAgeShares, eq(unitAgeShares.unitCode, unitClosure.ancestor))
    .innerJoin(units, eq(units.code, unitClosure.ancestor))
    .where(inArray(unitClosure.descendant, wanted));
  const nearest = new Map<string, number>();
  for (const r of rows) nearest.set(r.unit, Math.min(nearest.get(r.unit) ?? Infinity, r.depth));
  for (const r of rows) {
    if (r.depth !== nearest.get(r.unit)) continue;
    const found = out.get(r.unit) ?? {
      source: { code: r.code, name: r.name, kind: r.kind },
      shares: {},
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
    };
    found.shares[r.band] = r.share;
    if (r.updatedAt > found.updatedAt) Object.assign(found, { updatedAt: r.updatedAt, updatedBy: r.updatedBy });
    out.set(r.unit, found);
  }
  return out;
}

/** What the unit sets itself (null: nothing, it inherits). */
async function ownAgeShares(db: Db, code: string): Promise<Shares | null> {
  const rows = await db.select().from(unitAgeShares).where(eq(unitAgeShares.unitCode, code));
  return rows.length ? Object.fromEntries(rows.map((r) => [r.band, r.share])) : null;
}

/**
 * The body of GET/PUT/DELETE /api/v1/units/{code}/age-shares: the shares in force, the unit they
 * come from (`inheritedFrom` when that is an ancestor), what the unit sets itself, and the bands
 * the resident survey defines (what an editor offers).
 */
export async function ageSharesView(db: Db, registry: SurveyRegistry, unit: UnitRef) {
  const [effective, own, bands] = await Promise.all([
    effectiveAgeShares(db, [unit.code]).then((m) => m.get(unit.code)),
    ownAgeShares(db, unit.code),
    residentAgeBands(registry),
  ]);
  return {
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    shares: effective?.shares ?? null,
    source: effective?.source ?? null,
    inheritedFrom: effective && effective.source.code !== unit.code ? effective.source : null,
    own,
    updatedAt: effective?.updatedAt ?? null,
    updatedBy: effective?.updatedBy ?? null,
    bands,
  };
}

/**
 * Checks shares against the resident survey (every band must be an `age_band` value of one of its
 * versions) and their sum against 1 ± AGE_SHARES_SUM_TOLERANCE; 422 with one issue per problem.
 */
export async function checkAgeShares(registry: SurveyRegistry, shares: Shares): Promise<void> {
  const bands = await residentAgeBands(registry);
  const unknown = Object.keys(shares).filter((b) => !bands.includes(b));
  if (unknown.length > 0) {
    throw invalid(
      "unknown_band",
      `居民问卷没有这些年龄段：${unknown.join("、")}（可用：${bands.join("、")}）`,
      unknown.map((b) => ({ path: `shares.${b}`, message: "居民问卷的年龄段（age_band）中没有此值" })),
    );
  }
  const sum = Object.values(shares).reduce((s, v) => s + v, 0);
  if (!(Math.abs(sum - 1) <= AGE_SHARES_SUM_TOLERANCE)) {
    throw invalid("shares_sum", `各年龄段占比之和应为 1（允许误差 ±${AGE_SHARES_SUM_TOLERANCE}），现为 ${sum}`, [
      { path: "shares", message: `占比之和为 ${sum}` },
    ]);
  }
}

const sameShares = (a: Shares | null, b: Shares | null) =>
  a !== null && b !== null && Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * Replaces one unit's own shares (after checkAgeShares) with its audit entry, in one write
 * transaction that checks the unit lies inside the actor's scope (403 otherwise). The same
 * shares again write nothing.
 */
export async function setAgeShares(
  db: Database,
  unitCode: string,
  shares: Shares,
  actor: { username: string; scope: string },
  now: Date,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    if (!(await isWithinScope(tx, actor.scope, unitCode))) throw forbidden("只能修改本人管辖范围内单位的年龄结构");
    const before = await ownAgeShares(tx, unitCode);
    if (sameShares(before, shares)) return;
    const at = now.toISOString();
    await tx.delete(unitAgeShares).where(eq(unitAgeShares.unitCode, unitCode));
    await tx
      .insert(unitAgeShares)
      .values(Object.entries(shares).map(([band, share]) => ({ unitCode, band, share, updatedAt: at, updatedBy: actor.username })));
    await auditInsert(
      tx,
      { actor: actor.username, action: "units.age_shares", target: unitCode, before, after: shares, scopeUnit: unitCode },
      now,
    );
  });
}

/** Removes one unit's own shares (it inherits again), audited; false (nothing written) when it had none. */
export async function removeAgeShares(
  db: Database,
  unitCode: string,
  actor: { username: string; scope: string },
  now: Date,
): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    if (!(await isWithinScope(tx, actor.scope, unitCode))) throw forbidden("只能修改本人管辖范围内单位的年龄结构");
    const before = await ownAgeShares(tx, unitCode);
    if (before === null) return false;
    await tx.delete(unitAgeShares).where(eq(unitAgeShares.unitCode, unitCode));
    await auditInsert(
      tx,
      { actor: actor.username, action: "units.age_shares", target: unitCode, before, after: null, scopeUnit: unitCode },
      now,
    );
    return true;
  });
}
