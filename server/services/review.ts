import { and, desc, eq, inArray, isNotNull, isNull, like, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { responses, unitClosure, units } from "../db/schema";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { drizzleExecutor } from "../db/sql-executor";
import { applyRollups } from "./rollups";
import type { SurveyRegistry } from "./survey-registry";

export type ReviewStatus = "pending" | "included" | "excluded" | "all";

/** Flagged responses (anything that ever carried a flag reason) inside `scope`, newest first. */
export async function listFlagged(
  db: Database,
  query: { scope: string; unit?: string; status: ReviewStatus; reason?: string; limit: number; offset: number },
) {
  const subtree = (code: string) => db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, code));
  const where: SQL[] = [isNotNull(responses.flagReason), inArray(responses.unitCode, subtree(query.scope))];
  if (query.unit) where.push(inArray(responses.unitCode, subtree(query.unit)));
  if (query.status === "pending") where.push(isNull(responses.reviewDecision));
  if (query.status === "included") where.push(eq(responses.reviewDecision, "include"));
  if (query.status === "excluded") where.push(eq(responses.reviewDecision, "exclude"));
  if (query.reason) where.push(like(responses.flagReason, `%${query.reason}%`));
  const rows = await db
    .select({
      id: responses.id,
      surveyId: responses.surveyId,
      surveyVersion: responses.surveyVersion,
      unitCode: responses.unitCode,
      unitName: units.name,
      channel: responses.channel,
      flagged: responses.flagged,
      flagReason: responses.flagReason,
      startedAt: responses.startedAt,
      completedAt: responses.completedAt,
      receivedAt: responses.receivedAt,
      deviceId: responses.deviceId,
      posterId: responses.posterId,
      sourceHash: responses.sourceHash,
      answers: responses.answers,
      reviewDecision: responses.reviewDecision,
      reviewReason: responses.reviewReason,
      reviewedBy: responses.reviewedBy,
      reviewedAt: responses.reviewedAt,
    })
    .from(responses)
    .innerJoin(units, eq(units.code, responses.unitCode))
    .where(and(...where))
    .orderBy(desc(responses.receivedAt), desc(responses.id))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map((r) => ({
    ...r,
    flagReasons: r.flagReason!.split(","),
    durationSeconds: Math.round((Date.parse(r.completedAt) - Date.parse(r.startedAt)) / 1000),
    answers: JSON.parse(r.answers) as Record<string, unknown>,
  }));
}

/** The unit a response belongs to, for the caller's scope check; undefined when unknown. */
export async function responseUnit(db: Database, id: string): Promise<string | undefined> {
  const row = await db.query.responses.findFirst({ where: eq(responses.id, id.toLowerCase()), columns: { unitCode: true } });
  return row?.unitCode;
}

/**
 * Includes a flagged response in the rates or excludes it again, with a reason. The response
 * row, the rollups (moved between the flagged and the counted side, sign -1 then +1) and the
 * audit entry change in one transaction, so the rates never disagree with the decision.
 */
export async function reviewResponse(
  db: Database,
  registry: SurveyRegistry,
  input: { id: string; decision: "include" | "exclude"; reason: string; actor: string },
  now: Date,
) {
  const id = input.id.toLowerCase();
  const existing = await db.query.responses.findFirst({ where: eq(responses.id, id) });
  if (!existing) throw notFound("答卷");
  if (!existing.flagReason) throw new ApiError(422, "not_flagged", "只有被标记的答卷需要审核");
  const survey = await registry.get(existing.surveyId, existing.surveyVersion);
  if (!survey) throw new ApiError(422, "unknown_survey", "答卷所用问卷版本不存在");

  return db.transaction(async (tx) => {
    // Read again inside the transaction: a concurrent review must not move the rollups twice.
    const row = await tx.query.responses.findFirst({ where: eq(responses.id, id) });
    if (!row) throw notFound("答卷");
    const flagged = input.decision === "exclude";
    if (row.flagged !== flagged) {
      const base = {
        unitCode: row.unitCode,
        day: row.day,
        surveyId: row.surveyId,
        surveyVersion: row.surveyVersion,
        channel: row.channel,
        answers: JSON.parse(row.answers) as Record<string, unknown>,
        metricQuestions: survey.metricQuestions,
      };
      await applyRollups(drizzleExecutor(tx), [{ ...base, flagged: row.flagged }], -1);
      await applyRollups(drizzleExecutor(tx), [{ ...base, flagged }], 1);
    }
    const review = { reviewDecision: input.decision, reviewReason: input.reason, reviewedBy: input.actor, reviewedAt: now.toISOString() };
    const [updated] = await tx.update(responses).set({ flagged, ...review }).where(eq(responses.id, id)).returning();
    await auditInsert(
      tx,
      {
        actor: input.actor,
        action: "responses.review",
        target: id,
        before: { flagged: row.flagged, flagReason: row.flagReason, reviewDecision: row.reviewDecision, reviewReason: row.reviewReason },
        after: { flagged, flagReason: row.flagReason, reviewDecision: input.decision, reviewReason: input.reason },
        scopeUnit: row.unitCode,
      },
      now,
    );
    return updated!;
  });
}
