import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditLog, responses, unitClosure } from "../../db/schema";
import { drizzleExecutor, type DrizzleTx } from "../../db/sql-executor";
import { forbidden, invalid, Refusal } from "../refusal";
import { chunk } from "../../lib/chunk";
import { writeTransaction } from "../../db/write-transaction";
import { auditRow } from "./audit";
import { applyRollups, type RollupInput } from "../rollups/rollups";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { flaggedSide } from "../field-review/counted-side";
import { readFieldReviewSettings } from "../field-review/review-settings";
import { reviewStatesOf } from "../field-review/sides";

/**
 * The most responses one review may decide: one transaction holds the write lock while it moves
 * their rollups, so a batch stays well under a second and QR submissions wait at most that long.
 */
export const MAX_REVIEW_BATCH = 500;

/** flag_reason of a response that no check flagged but an admin excluded by hand. */
export const MANUAL_FLAG = "manual";

export type ReviewDecision = "include" | "exclude";

export interface ReviewRequest {
  ids: readonly string[];
  decision: ReviewDecision;
  reason: string;
  actor: string;
  /** The caller's scope: every response's stored unit must lie inside it. */
  scope: string;
  /** The older flag-only route: a response no check ever flagged is refused (422 not_flagged). */
  requireFlagged?: boolean;
}

export type ReviewedResponse = typeof responses.$inferSelect;

/**
 * Includes responses in the rates or excludes them, flagged or not, with one reason. All or
 * nothing: in one write transaction every id is read again, checked to exist and to lie in the
 * caller's scope by its stored unit, its rollups are moved between the flagged and the counted
 * side (sign -1, then +1), the row takes the decision and one audit entry per response is
 * written with the response's unit as its scope. Any refusal rolls the whole batch back. A busy
 * database (another process writing) is retried; reviews queue behind the process's other write transactions (write-transaction.ts).
 *
 * @example await reviewResponses(db, registry, { ids, decision: "exclude", reason: "同一人重复填写", actor: "admin", scope: root }, now);
 */
export async function reviewResponses(
  db: Database,
  registry: SurveyRegistry,
  input: ReviewRequest,
  now: Date,
): Promise<ReviewedResponse[]> {
  const ids = [...new Set(input.ids.map((id) => id.toLowerCase()))];
  if (ids.length === 0) throw invalid("invalid_request", "请至少选择一份答卷");
  if (ids.length > MAX_REVIEW_BATCH) throw invalid("batch_too_large", `一次最多审核 ${MAX_REVIEW_BATCH} 份答卷`);
  // A response's survey version never changes, so the definitions can be loaded before the
  // transaction (the registry may read the database, which must not wait on our own lock).
  const surveys = await surveyDefinitions(db, registry, ids);

  return writeTransaction(db, (tx) => decide(tx, ids, input, surveys, now));
}

async function decide(tx: DrizzleTx, ids: string[], input: ReviewRequest, surveys: Surveys, now: Date): Promise<ReviewedResponse[]> {
  const rows = await tx.select().from(responses).where(inArray(responses.id, ids));
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new Refusal(
      "not_found",
      "not_found",
      "答卷不存在",
      missing.slice(0, 20).map((id) => ({ path: "ids", message: id })),
    );
  }
  const unitCodes = [...new Set(rows.map((r) => r.unitCode))];
  const inScope = new Set(
    (
      await tx
        .select({ code: unitClosure.descendant })
        .from(unitClosure)
        .where(and(eq(unitClosure.ancestor, input.scope), inArray(unitClosure.descendant, unitCodes)))
    ).map((r) => r.code),
  );
  const outside = rows.filter((r) => !inScope.has(r.unitCode));
  if (outside.length > 0) {
    throw forbidden(
      "无权审核该单位的答卷",
      outside.slice(0, 20).map((r) => ({ path: "ids", message: r.id })),
    );
  }
  if (input.requireFlagged) {
    const unflagged = rows.filter((r) => !r.flagReason);
    if (unflagged.length > 0) throw invalid("not_flagged", "只有被标记的答卷需要审核");
  }

  // The side follows the one rule of counted-side.ts: an included interview still stays out
  // while its supervisor's review state does not count (issue 16).
  const states = await reviewStatesOf(tx, ids);
  const { counted } = await readFieldReviewSettings(tx);
  const target = new Map(
    rows.map((r) => [r.id, flaggedSide({ ...r, reviewDecision: input.decision }, states.get(r.id) ?? "pending", counted)]),
  );
  const moving = rows.filter((r) => r.flagged !== target.get(r.id));
  if (moving.length > 0) {
    const exec = drizzleExecutor(tx);
    const inputs = moving.map((r) => rollupInput(r, surveys));
    await applyRollups(exec, inputs, -1);
    await applyRollups(
      exec,
      inputs.map((r) => ({ ...r, flagged: !r.flagged })),
      1,
    );
  }
  const flagged = input.decision === "exclude";

  const review = { reviewDecision: input.decision, reviewReason: input.reason, reviewedBy: input.actor, reviewedAt: now.toISOString() };
  // An exclusion of a response no check flagged marks it `manual`, so it is listed with the
  // flagged ones (已排除) and can be counted again from there; a real flag reason is kept.
  const manual = flagged ? { flagReason: sql`coalesce(${responses.flagReason}, ${MANUAL_FLAG})` } : {};
  for (const side of [true, false]) {
    const part = ids.filter((id) => target.get(id) === side);
    if (part.length > 0) await tx.update(responses).set({ flagged: side }).where(inArray(responses.id, part));
  }
  const updated = await tx
    .update(responses)
    .set({ ...manual, ...review })
    .where(inArray(responses.id, ids))
    .returning();

  const byId = new Map(updated.map((u) => [u.id, u]));
  const entries = rows.map((row) => {
    const after = byId.get(row.id)!;
    return auditRow(
      {
        actor: input.actor,
        action: "responses.review",
        target: row.id,
        scopeUnit: row.unitCode,
        before: { flagged: row.flagged, flagReason: row.flagReason, reviewDecision: row.reviewDecision, reviewReason: row.reviewReason },
        after: {
          flagged: after.flagged,
          flagReason: after.flagReason,
          reviewDecision: input.decision,
          reviewReason: input.reason,
          ...(ids.length > 1 ? { batch: ids.length } : {}),
        },
      },
      now,
    );
  });
  for (const part of chunk(entries, 100)) await tx.insert(auditLog).values(part);
  return ids.map((id) => byId.get(id)!);
}

type Surveys = Map<string, Pick<RollupInput, "metricQuestions" | "distributionQuestions">>;
const surveyKey = (id: string, version: number) => `${id}@${version}`;

async function surveyDefinitions(db: Database, registry: SurveyRegistry, ids: readonly string[]): Promise<Surveys> {
  const versions = await db
    .selectDistinct({ surveyId: responses.surveyId, surveyVersion: responses.surveyVersion })
    .from(responses)
    .where(inArray(responses.id, [...ids]));
  const out: Surveys = new Map();
  for (const v of versions) {
    const survey = await registry.get(v.surveyId, v.surveyVersion);
    if (!survey) throw invalid("unknown_survey", "答卷所用问卷版本不存在");
    out.set(surveyKey(v.surveyId, v.surveyVersion), survey);
  }
  return out;
}

function rollupInput(row: ReviewedResponse, surveys: Surveys): RollupInput {
  const survey = surveys.get(surveyKey(row.surveyId, row.surveyVersion));
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
