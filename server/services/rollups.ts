import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { rollupAnswers, rollupMetrics } from "../db/schema";
import { chunk } from "../lib/chunk";
import { classifyAnswer, type MetricQuestion } from "./metric-definitions";

/** What a rollup needs to know of one stored response. */
export interface RollupInput {
  unitCode: string;
  day: string;
  surveyId: string;
  surveyVersion: number;
  channel: string;
  flagged: boolean;
  answers: Record<string, unknown>;
  metricQuestions: readonly MetricQuestion[];
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Adds (sign = 1) or removes (sign = -1, e.g. when a review moves a response out of the flagged
 * set) a group of responses from the rollups. Counts are summed in memory first so a batch costs
 * one upsert per distinct key, not one per answer.
 */
export async function applyRollups(tx: Tx | Database, inputs: readonly RollupInput[], sign: 1 | -1 = 1): Promise<void> {
  const metricRows = new Map<string, typeof rollupMetrics.$inferInsert>();
  const answerRows = new Map<string, typeof rollupAnswers.$inferInsert>();

  for (const r of inputs) {
    const base = {
      unitCode: r.unitCode,
      day: r.day,
      surveyId: r.surveyId,
      surveyVersion: r.surveyVersion,
      channel: r.channel,
      flagged: r.flagged ? 1 : 0,
    };
    const baseKey = `${r.unitCode}|${r.day}|${r.surveyId}|${r.surveyVersion}|${r.channel}|${base.flagged}`;
    const perMetric = new Map<string, { answers: number; positive: number; scoreSum: number; scoreCount: number }>();
    for (const q of r.metricQuestions) {
      const value = r.answers[q.name];
      if (value === undefined || value === null) continue;
      const answer = JSON.stringify(value);
      const aKey = `${baseKey}|${q.name}|${answer}`;
      const aRow = answerRows.get(aKey) ?? { ...base, question: q.name, answer, count: 0 };
      aRow.count = (aRow.count ?? 0) + sign;
      answerRows.set(aKey, aRow);

      const c = classifyAnswer(q, value);
      if (!c.counted) continue;
      const m = perMetric.get(q.metric) ?? { answers: 0, positive: 0, scoreSum: 0, scoreCount: 0 };
      m.answers += 1;
      if (c.positive) m.positive += 1;
      if (c.score !== null) {
        m.scoreSum += c.score;
        m.scoreCount += 1;
      }
      perMetric.set(q.metric, m);
    }
    for (const [metric, m] of perMetric) {
      const mKey = `${baseKey}|${metric}`;
      const row = metricRows.get(mKey) ?? {
        ...base,
        metric,
        respondents: 0,
        answers: 0,
        positive: 0,
        scoreSum: 0,
        scoreCount: 0,
      };
      row.respondents! += sign;
      row.answers! += sign * m.answers;
      row.positive! += sign * m.positive;
      row.scoreSum! += sign * m.scoreSum;
      row.scoreCount! += sign * m.scoreCount;
      metricRows.set(mKey, row);
    }
  }

  for (const part of chunk([...metricRows.values()], 400)) {
    await tx
      .insert(rollupMetrics)
      .values(part)
      .onConflictDoUpdate({
        target: [
          rollupMetrics.unitCode,
          rollupMetrics.day,
          rollupMetrics.surveyId,
          rollupMetrics.surveyVersion,
          rollupMetrics.channel,
          rollupMetrics.flagged,
          rollupMetrics.metric,
        ],
        set: {
          respondents: sql`${rollupMetrics.respondents} + excluded.respondents`,
          answers: sql`${rollupMetrics.answers} + excluded.answers`,
          positive: sql`${rollupMetrics.positive} + excluded.positive`,
          scoreSum: sql`${rollupMetrics.scoreSum} + excluded.score_sum`,
          scoreCount: sql`${rollupMetrics.scoreCount} + excluded.score_count`,
        },
      });
  }
  for (const part of chunk([...answerRows.values()], 400)) {
    await tx
      .insert(rollupAnswers)
      .values(part)
      .onConflictDoUpdate({
        target: [
          rollupAnswers.unitCode,
          rollupAnswers.day,
          rollupAnswers.surveyId,
          rollupAnswers.surveyVersion,
          rollupAnswers.channel,
          rollupAnswers.flagged,
          rollupAnswers.question,
          rollupAnswers.answer,
        ],
        set: { count: sql`${rollupAnswers.count} + excluded.count` },
      });
  }
}
