import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { rollupAnswers, rollupMetrics, unitClosure } from "../db/schema";
import type { Metric } from "../../surveys/properties";
import type { MetricSums } from "./metric-status";

/** Which responses a dashboard read covers (DESIGN.md §4 query parameters). */
export interface RollupFilter {
  audience?: string;
  channel?: string;
  from?: string;
  to?: string;
  includeFlagged?: boolean;
}

type RollupTable = typeof rollupMetrics | typeof rollupAnswers;

/** Leaf units of the subtree, as a subquery: the closure table makes "whole subtree" one lookup. */
function subtreeOf(db: Database, unitCode: string) {
  return db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, unitCode));
}

function conditions(db: Database, table: RollupTable, unitCode: string, f: RollupFilter): SQL {
  const parts: (SQL | undefined)[] = [
    inArray(table.unitCode, subtreeOf(db, unitCode)),
    // Survey id = audience (one questionnaire per audience).
    f.audience ? eq(table.surveyId, f.audience) : undefined,
    f.channel ? eq(table.channel, f.channel) : undefined,
    f.from ? gte(table.day, f.from) : undefined,
    f.to ? lte(table.day, f.to) : undefined,
    f.includeFlagged ? undefined : eq(table.flagged, 0),
  ];
  return and(...parts)!;
}

const metricSumColumns = {
  respondents: sql<number>`sum(${rollupMetrics.respondents})`.mapWith(Number),
  answers: sql<number>`sum(${rollupMetrics.answers})`.mapWith(Number),
  positive: sql<number>`sum(${rollupMetrics.positive})`.mapWith(Number),
  scoreSum: sql<number>`sum(${rollupMetrics.scoreSum})`.mapWith(Number),
  scoreCount: sql<number>`sum(${rollupMetrics.scoreCount})`.mapWith(Number),
};

/** Metric sums per leaf unit of the subtree; callers fold them into the unit and its children. */
export async function metricSumsByLeaf(
  db: Database,
  unitCode: string,
  f: RollupFilter,
): Promise<(MetricSums & { unitCode: string; metric: Metric })[]> {
  const rows = await db
    .select({ unitCode: rollupMetrics.unitCode, metric: rollupMetrics.metric, ...metricSumColumns })
    .from(rollupMetrics)
    .where(conditions(db, rollupMetrics, unitCode, f))
    .groupBy(rollupMetrics.unitCode, rollupMetrics.metric);
  return rows as (MetricSums & { unitCode: string; metric: Metric })[];
}

/** Metric sums per day over the whole subtree (for trends). */
export async function metricSumsByDay(
  db: Database,
  unitCode: string,
  f: RollupFilter,
): Promise<(MetricSums & { day: string; metric: Metric })[]> {
  const rows = await db
    .select({ day: rollupMetrics.day, metric: rollupMetrics.metric, ...metricSumColumns })
    .from(rollupMetrics)
    .where(conditions(db, rollupMetrics, unitCode, f))
    .groupBy(rollupMetrics.day, rollupMetrics.metric);
  return rows as (MetricSums & { day: string; metric: Metric })[];
}

/** Answer counts per survey version, question and value over the subtree. */
export async function answerCounts(
  db: Database,
  unitCode: string,
  f: RollupFilter,
): Promise<{ surveyId: string; surveyVersion: number; question: string; answer: string; count: number }[]> {
  return db
    .select({
      surveyId: rollupAnswers.surveyId,
      surveyVersion: rollupAnswers.surveyVersion,
      question: rollupAnswers.question,
      answer: rollupAnswers.answer,
      count: sql<number>`sum(${rollupAnswers.count})`.mapWith(Number),
    })
    .from(rollupAnswers)
    .where(conditions(db, rollupAnswers, unitCode, f))
    .groupBy(rollupAnswers.surveyId, rollupAnswers.surveyVersion, rollupAnswers.question, rollupAnswers.answer);
}
