import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { settings, unitClosure, unitRateSettings, units } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { METRICS, type Metric } from "../../../surveys/properties";
import type { RateSettingsUpdate } from "../../contracts/rates";
import { forbidden } from "../refusal";
import { auditInsert } from "../admin/audit";
import { getLineage, isWithinScope, type Unit } from "../units/units";
import { writeTransaction } from "../../db/write-transaction";

export interface RateSettings {
  threshold: Record<Metric, number>;
  minRespondents: number;
}

/** What one unit sets for its subtree; a key it leaves out comes from further up the tree. */
export interface OwnRateSettings {
  threshold: Partial<Record<Metric, number>>;
  minRespondents?: number;
}

/** The settings in force at a unit, and for each value the unit it comes from (null: the built-in default). */
export interface EffectiveRateSettings extends RateSettings {
  sources: { threshold: Record<Metric, string | null>; minRespondents: string | null };
}

/**
 * Before unit-level settings, the city's thresholds lived under this key in `settings`. It still
 * counts as the root unit's own row until the root's settings are first written, which moves it
 * into unit_rate_settings (so an upgrade never loses a city setting).
 */
const LEGACY_KEY = "rate_settings";

type Db = Database | DrizzleTx;

/** docs/design.md §5: 90% for every metric, at least 20 respondents before a status is given. */
export const DEFAULT_RATE_SETTINGS: RateSettings = {
  threshold: Object.fromEntries(METRICS.map((m) => [m, 0.9])) as Record<Metric, number>,
  minRespondents: 20,
};

/** Only the keys we write, with values in range: a damaged row cannot poison every dashboard. */
function parseOwn(json: string | undefined): OwnRateSettings {
  const own: OwnRateSettings = { threshold: {} };
  if (!json) return own;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return own;
  }
  if (!value || typeof value !== "object") return own;
  const { threshold, minRespondents } = value as { threshold?: Record<string, unknown>; minRespondents?: unknown };
  for (const m of METRICS) {
    const rate = threshold?.[m];
    if (typeof rate === "number" && rate >= 0 && rate <= 1) own.threshold[m] = rate;
  }
  if (typeof minRespondents === "number" && Number.isInteger(minRespondents) && minRespondents >= 1) own.minRespondents = minRespondents;
  return own;
}

/** The legacy city-wide value, as the root's own row, when the root has no row of its own yet. */
async function legacyRootRow(db: Db): Promise<{ code: string; own: OwnRateSettings } | undefined> {
  const legacy = await db.query.settings.findFirst({ where: eq(settings.key, LEGACY_KEY) });
  if (!legacy) return undefined;
  const root = await db.query.units.findFirst({ where: (u, { isNull }) => isNull(u.parentCode), columns: { code: true } });
  if (!root) return undefined;
  const rootRow = await db.query.unitRateSettings.findFirst({
    where: eq(unitRateSettings.unitCode, root.code),
    columns: { unitCode: true },
  });
  return rootRow ? undefined : { code: root.code, own: parseOwn(legacy.value) };
}

/**
 * Effective settings of each unit in `codes`: for every value, the nearest unit up the tree
 * (the unit itself first) that sets it, else the default. One query over unit_closure for all
 * of them, so a dashboard's unit and its children cost the same as one unit.
 */
export async function effectiveRateSettings(db: Db, codes: readonly string[]): Promise<Map<string, EffectiveRateSettings>> {
  const wanted = [...new Set(codes)];
  const rows = wanted.length
    ? await db
        .select({ unit: unitClosure.descendant, from: unitClosure.ancestor, depth: unitClosure.depth, value: unitRateSettings.value })
        .from(unitClosure)
        .innerJoin(unitRateSettings, eq(unitRateSettings.unitCode, unitClosure.ancestor))
        .where(inArray(unitClosure.descendant, wanted))
    : [];
  const legacy = await legacyRootRow(db);
  const out = new Map<string, EffectiveRateSettings>();
  for (const code of wanted) {
    const chain = rows
      .filter((r) => r.unit === code)
      .sort((a, b) => a.depth - b.depth)
      .map((r) => ({ from: r.from, own: parseOwn(r.value) }));
    // The root is the farthest ancestor of every unit: its legacy value goes last.
    if (legacy) chain.push({ from: legacy.code, own: legacy.own });
    out.set(code, merge(chain));
  }
  return out;
}

function merge(chain: { from: string; own: OwnRateSettings }[]): EffectiveRateSettings {
  const result: EffectiveRateSettings = {
    threshold: { ...DEFAULT_RATE_SETTINGS.threshold },
    minRespondents: DEFAULT_RATE_SETTINGS.minRespondents,
    sources: { threshold: Object.fromEntries(METRICS.map((m) => [m, null])) as Record<Metric, string | null>, minRespondents: null },
  };
  for (const m of METRICS) {
    const hit = chain.find((c) => c.own.threshold[m] !== undefined);
    if (hit) {
      result.threshold[m] = hit.own.threshold[m]!;
      result.sources.threshold[m] = hit.from;
    }
  }
  const hit = chain.find((c) => c.own.minRespondents !== undefined);
  if (hit) {
    result.minRespondents = hit.own.minRespondents!;
    result.sources.minRespondents = hit.from;
  }
  return result;
}

/** The settings in force at one unit. */
export async function rateSettingsAt(db: Db, code: string): Promise<EffectiveRateSettings> {
  return (await effectiveRateSettings(db, [code])).get(code)!;
}

/** What `code` sets itself (the legacy city value counts as the root's). */
export async function ownRateSettings(db: Db, code: string): Promise<OwnRateSettings> {
  const row = await db.query.unitRateSettings.findFirst({ where: eq(unitRateSettings.unitCode, code) });
  if (row) return parseOwn(row.value);
  const legacy = await legacyRootRow(db);
  return legacy?.code === code ? legacy.own : { threshold: {} };
}

/**
 * Merges an update into one unit's own settings (a null value removes it: the unit inherits it
 * again) and writes the audit entry, in one transaction that also checks the unit lies inside
 * the admin's scope (403 otherwise). Writing the root's settings moves the legacy city value
 * into its row.
 */
export async function updateUnitRateSettings(
  db: Database,
  unitCode: string,
  update: Omit<RateSettingsUpdate, "unit">,
  actor: { username: string; scope: string },
  now: Date,
): Promise<EffectiveRateSettings> {
  return writeTransaction(db, async (tx) => {
    if (!(await isWithinScope(tx, actor.scope, unitCode))) throw forbidden("只能修改本人管辖范围内单位的达标线");
    const beforeOwn = await ownRateSettings(tx, unitCode);
    const before = await rateSettingsAt(tx, unitCode);
    const own: OwnRateSettings = { threshold: { ...beforeOwn.threshold }, minRespondents: beforeOwn.minRespondents };
    for (const [m, rate] of Object.entries(update.threshold ?? {}) as [Metric, number | null | undefined][]) {
      if (rate === null) delete own.threshold[m];
      else if (rate !== undefined) own.threshold[m] = rate;
    }
    if (update.minRespondents === null) delete own.minRespondents;
    else if (update.minRespondents !== undefined) own.minRespondents = update.minRespondents;
    if (own.minRespondents === undefined) delete own.minRespondents;

    const value = JSON.stringify(own);
    // Nothing to change (an empty update, or the values already set): nothing written, no entry.
    if (sameOwn(own, beforeOwn)) return before;
    await tx
      .insert(unitRateSettings)
      .values({ unitCode, value, updatedAt: now.toISOString(), updatedBy: actor.username })
      .onConflictDoUpdate({ target: unitRateSettings.unitCode, set: { value, updatedAt: now.toISOString(), updatedBy: actor.username } });
    const root = await tx.query.units.findFirst({ where: eq(units.code, unitCode), columns: { parentCode: true } });
    if (root && root.parentCode === null) await tx.delete(settings).where(eq(settings.key, LEGACY_KEY));
    const after = await rateSettingsAt(tx, unitCode);
    await auditInsert(
      tx,
      {
        actor: actor.username,
        action: "settings.thresholds",
        target: unitCode,
        before: { own: beforeOwn, effective: strip(before) },
        after: { own, effective: strip(after) },
        scopeUnit: unitCode,
      },
      now,
    );
    return after;
  });
}

const sameOwn = (a: OwnRateSettings, b: OwnRateSettings) =>
  a.minRespondents === b.minRespondents && METRICS.every((m) => a.threshold[m] === b.threshold[m]);

const strip = (s: RateSettings): RateSettings => ({ threshold: s.threshold, minRespondents: s.minRespondents });

/**
 * The body of GET/PUT /api/v1/settings/thresholds: the values in force at `unit` (the fields
 * every client already reads), the unit they are for, where each value comes from, and what the
 * unit sets itself.
 */
export async function rateSettingsView(db: Db, unit: Pick<Unit, "code" | "name" | "kind">, effective: EffectiveRateSettings) {
  const [lineage, own] = await Promise.all([getLineage(db, unit.code), ownRateSettings(db, unit.code)]);
  const names = new Map(lineage.map((u) => [u.code, u]));
  const ref = (code: string | null) => {
    const u = code === null ? undefined : names.get(code);
    return u ? { code: u.code, name: u.name, kind: u.kind } : null;
  };
  return {
    threshold: effective.threshold,
    minRespondents: effective.minRespondents,
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    sources: {
      threshold: Object.fromEntries(METRICS.map((m) => [m, ref(effective.sources.threshold[m])])) as Record<Metric, ReturnType<typeof ref>>,
      minRespondents: ref(effective.sources.minRespondents),
    },
    own,
  };
}

export type RateSettingsView = Awaited<ReturnType<typeof rateSettingsView>>;
