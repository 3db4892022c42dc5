import { inArray } from "drizzle-orm";
import type { CountedPolicy, ReviewState } from "../../contracts/field-review-states";
import type { Database } from "../../db/client";
import { interviewReviews, responses } from "../../db/schema";
import { drizzleExecutor, type DrizzleTx } from "../../db/sql-executor";
import { chunk } from "../../lib/chunk";
import { invalid } from "../refusal";
import { applyRollups, type RollupInput } from "../rollups/rollups";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { flaggedSide } from "./counted-side";

export type ResponseRow = typeof responses.$inferSelect;
export type Definitions = Map<string, Pick<RollupInput, "metricQuestions" | "distributionQuestions">>;
const key = (id: string, version: number) => `${id}@${version}`;

/**
 * The metric and distribution questions of these survey versions, loaded before the write
 * transaction: the registry may read the database, which must not wait on our own lock.
 */
export async function loadDefinitions(
  registry: SurveyRegistry,
  versions: Iterable<{ surveyId: string; surveyVersion: number }>,
): Promise<Definitions> {
  const out: Definitions = new Map();
  for (const v of versions) {
    const k = key(v.surveyId, v.surveyVersion);
    if (out.has(k)) continue;
    const survey = await registry.get(v.surveyId, v.surveyVersion);
    if (!survey) throw invalid("unknown_survey", "答卷所用问卷版本不存在");
    out.set(k, survey);
  }
  return out;
}

/** Every survey version any stored interview uses (a handful: versions are few). */
export async function interviewVersions(db: Database) {
  return db
    .selectDistinct({ surveyId: responses.surveyId, surveyVersion: responses.surveyVersion })
    .from(responses)
    .where(inArray(responses.channel, ["interview"]));
}

/** The supervisor's state of each response (no row: 待审核). */
export async function reviewStatesOf(tx: DrizzleTx, ids: readonly string[]): Promise<Map<string, ReviewState>> {
  const out = new Map<string, ReviewState>();
  for (const part of chunk([...ids], 500)) {
    const rows = await tx
      .select({ id: interviewReviews.responseId, state: interviewReviews.state })
      .from(interviewReviews)
      .where(inArray(interviewReviews.responseId, part));
    for (const r of rows) out.set(r.id, r.state);
  }
  return out;
}

/**
 * Puts each response on the rollup side the one rule (counted-side.ts) gives for its current
 * checks, state and the policy: the rollups of those that change side move (−1 on the old side,
 * +1 on the new) and `flagged` follows, all in the caller's transaction. Returns the ids that moved.
 */
export async function settleSides(
  tx: DrizzleTx,
  rows: readonly ResponseRow[],
  states: ReadonlyMap<string, ReviewState>,
  policy: CountedPolicy,
  definitions: Definitions,
): Promise<string[]> {
  const moving = rows.filter((r) => flaggedSide(r, states.get(r.id) ?? "pending", policy) !== r.flagged);
  if (moving.length === 0) return [];
  const exec = drizzleExecutor(tx);
  for (const part of chunk(moving, 500)) {
    const inputs = part.map((r) => rollupInput(r, definitions));
    await applyRollups(exec, inputs, -1);
    await applyRollups(
      exec,
      inputs.map((r) => ({ ...r, flagged: !r.flagged })),
      1,
    );
    for (const flagged of [true, false]) {
      const ids = part.filter((r) => !r.flagged === flagged).map((r) => r.id);
      if (ids.length > 0) await tx.update(responses).set({ flagged }).where(inArray(responses.id, ids));
    }
  }
  return moving.map((r) => r.id);
}

function rollupInput(row: ResponseRow, definitions: Definitions): RollupInput {
  const survey = definitions.get(key(row.surveyId, row.surveyVersion));
  if (!survey) throw invalid("unknown_survey", "答卷所用问卷版本不存在");
  return {
    unitCode: row.unitCode,
    day: row.day,
    surveyId: row.surveyId,
    surveyVersion: row.surveyVersion,
    channel: row.channel,
    flagged: row.flagged,
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    metricQuestions: survey.metricQuestions,
    distributionQuestions: survey.distributionQuestions,
  };
}
