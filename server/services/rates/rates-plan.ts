import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { unitClosure, units } from "../../db/schema";
import { METRICS, type Metric } from "../../../surveys/properties";
import { respondentsToDecide } from "../../lib/wilson";
import type { RateSettings } from "./rate-settings";
import type { MetricMap, UnitRef } from "./rates";
import { LEAF_KINDS, type Unit } from "../units/units";
import { audienceFitsUnit, kindHoldsAudience } from "../surveys/audience";

export interface MetricPlan {
  rate: number | null;
  respondents: number;
  /** Sample size at which the interval decides pass or fail if the rate holds; null if none does. */
  decideAt: number | null;
  /** Respondents still needed: to reach minRespondents and decideAt. */
  more: number | null;
  /**
   * §7 `neededN` of the metric (design-based, what the dashboard card says as 还需 N): respondents
   * still needed for ci95Design to exclude the threshold; null when none would (added field).
   */
  neededN: number | null;
}

export interface UnitPlan {
  unit: UnitRef;
  /** Planned interviews: the unit's own target_n, else the sum over its leaves. */
  target: number | null;
  /** Responses so far, counted as the largest respondent count of any metric (a lower bound). */
  responses: number;
  progress: number | null;
  /**
   * Added fields for a read filtered to one audience: whether the unit can hold that audience's
   * answers at all (schools: parents only), and the planned interviews of the leaves that do
   * (communities for residents and shopkeepers, schools for parents), so `responses` of the
   * audience is compared with a target of the same audience. Without an audience: true, `target`.
   */
  holdsAudience: boolean;
  audienceTarget: number | null;
  audienceProgress: number | null;
  metrics: Record<Metric, MetricPlan>;
}

/** Planned sample sizes for the unit and its children, from target_n in the hierarchy. */
export async function plannedTargets(db: Database, unitList: Unit[]): Promise<Map<string, number | null>> {
  const codes = unitList.map((u) => u.code);
  const rows = codes.length
    ? await db
        .select({ code: unitClosure.ancestor, total: sql<number>`sum(${units.targetN})`.mapWith(Number) })
        .from(unitClosure)
        .innerJoin(units, eq(units.code, unitClosure.descendant))
        .where(and(inArray(unitClosure.ancestor, codes), inArray(units.kind, [...LEAF_KINDS]), isNotNull(units.targetN)))
        .groupBy(unitClosure.ancestor)
    : [];
  const leafSums = new Map(rows.map((r) => [r.code, r.total]));
  return new Map(unitList.map((u) => [u.code, u.targetN ?? leafSums.get(u.code) ?? null]));
}

/**
 * Planned interviews of one audience: the sum of target_n over the leaves inside each unit that
 * the audience answers for (a fitting leaf counts its own); null for a unit that cannot hold the
 * audience or has no planned leaf. Without an audience, the same as plannedTargets.
 */
export async function audienceTargets(db: Database, unitList: Unit[], audience: string | undefined): Promise<Map<string, number | null>> {
  if (!audience) return plannedTargets(db, unitList);
  const leafKinds = LEAF_KINDS.filter((k) => audienceFitsUnit(audience, k));
  const codes = unitList.filter((u) => kindHoldsAudience(u.kind, audience)).map((u) => u.code);
  const rows = codes.length
    ? await db
        .select({ code: unitClosure.ancestor, total: sql<number>`sum(${units.targetN})`.mapWith(Number) })
        .from(unitClosure)
        .innerJoin(units, eq(units.code, unitClosure.descendant))
        .where(and(inArray(unitClosure.ancestor, codes), inArray(units.kind, leafKinds), isNotNull(units.targetN)))
        .groupBy(unitClosure.ancestor)
    : [];
  const sums = new Map(rows.map((r) => [r.code, r.total]));
  return new Map(unitList.map((u) => [u.code, sums.get(u.code) ?? null]));
}

/** How far a unit is from a decided status, per metric (docs/design.md §5 interval and minimum). */
export function planFor(
  unit: UnitRef,
  target: number | null,
  metrics: MetricMap,
  settings: RateSettings,
  audience?: { name: string | undefined; target: number | null },
): UnitPlan {
  const responses = Math.max(...METRICS.map((m) => metrics[m].respondents));
  const plans = Object.fromEntries(
    METRICS.map((m): [Metric, MetricPlan] => {
      const { rate, respondents } = metrics[m];
      const decideAt = rate === null ? null : respondentsToDecide(rate, settings.threshold[m]);
      const needed = decideAt === null ? null : Math.max(decideAt, settings.minRespondents);
      const more = needed === null ? null : Math.max(0, needed - respondents);
      return [m, { rate, respondents, decideAt, more, neededN: rate === null ? null : metrics[m].neededN }];
    }),
  ) as Record<Metric, MetricPlan>;
  const holdsAudience = kindHoldsAudience(unit.kind, audience?.name);
  const audienceTarget = audience?.name ? (audience.target ?? null) : target;
  return {
    unit,
    target,
    responses,
    progress: target ? responses / target : null,
    holdsAudience,
    audienceTarget,
    audienceProgress: audienceTarget ? responses / audienceTarget : null,
    metrics: plans,
  };
}
