import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { unitClosure, units } from "../../db/schema";
import { METRICS, type Metric } from "../../../surveys/properties";
import { respondentsToDecide } from "../../lib/wilson";
import type { RateSettings } from "./rate-settings";
import type { MetricMap, UnitRef } from "./rates";
import { LEAF_KINDS, type Unit } from "../units/units";

export interface MetricPlan {
  rate: number | null;
  respondents: number;
  /** Sample size at which the interval decides pass or fail if the rate holds; null if none does. */
  decideAt: number | null;
  /** Respondents still needed: to reach minRespondents and decideAt. */
  more: number | null;
}

export interface UnitPlan {
  unit: UnitRef;
  /** Planned interviews: the unit's own target_n, else the sum over its leaves. */
  target: number | null;
  /** Responses so far, counted as the largest respondent count of any metric (a lower bound). */
  responses: number;
  progress: number | null;
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

/** How far a unit is from a decided status, per metric (docs/design.md §5 interval and minimum). */
export function planFor(unit: UnitRef, target: number | null, metrics: MetricMap, settings: RateSettings): UnitPlan {
  const responses = Math.max(...METRICS.map((m) => metrics[m].respondents));
  const plans = Object.fromEntries(
    METRICS.map((m): [Metric, MetricPlan] => {
      const { rate, respondents } = metrics[m];
      const decideAt = rate === null ? null : respondentsToDecide(rate, settings.threshold[m]);
      const needed = decideAt === null ? null : Math.max(decideAt, settings.minRespondents);
      return [m, { rate, respondents, decideAt, more: needed === null ? null : Math.max(0, needed - respondents) }];
    }),
  ) as Record<Metric, MetricPlan>;
  return { unit, target, responses, progress: target ? responses / target : null, metrics: plans };
}
