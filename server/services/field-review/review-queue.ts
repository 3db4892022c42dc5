import { and, desc, eq, gte, inArray, isNull, lte, type SQL } from "drizzle-orm";
import type { ReviewQueueQuery } from "../../contracts/field-review";
import type { Database } from "../../db/client";
import { backChecks, interviewReviews, responses, units, visits } from "../../db/schema";
import { subtreeOf } from "../admin/flag-review";
import { maskAnswerValue, maskHousehold } from "../privacy/mask";

/**
 * The supervisor's queue: interviews inside `scope` (and `unit`'s subtree), by interviewer, review
 * state and Shanghai day, newest first. Each carries its answers and its household label, masked
 * unless the caller may see personal data (issue 19), its review and its back-check if drawn.
 */
export async function listReviewQueue(db: Database, query: ReviewQueueQuery & { scope: string }, access: { reveal: boolean }) {
  const where: SQL[] = [eq(responses.channel, "interview"), inArray(responses.unitCode, subtreeOf(db, query.scope))];
  if (query.unit) where.push(inArray(responses.unitCode, subtreeOf(db, query.unit)));
  if (query.interviewer) where.push(eq(responses.interviewer, query.interviewer));
  if (query.from) where.push(gte(responses.day, query.from));
  if (query.to) where.push(lte(responses.day, query.to));
  if (query.state === "pending") where.push(isNull(interviewReviews.state));
  else if (query.state !== "any") where.push(eq(interviewReviews.state, query.state));
  const rows = await db
    .select({
      id: responses.id,
      surveyId: responses.surveyId,
      surveyVersion: responses.surveyVersion,
      unitCode: responses.unitCode,
      unitName: units.name,
      interviewer: responses.interviewer,
      day: responses.day,
      startedAt: responses.startedAt,
      completedAt: responses.completedAt,
      flagged: responses.flagged,
      flagReason: responses.flagReason,
      answers: responses.answers,
      state: interviewReviews.state,
      reason: interviewReviews.reason,
      reviewedBy: interviewReviews.reviewedBy,
      reviewedAt: interviewReviews.reviewedAt,
      household: visits.household,
      backCheckMatched: backChecks.matched,
      backCheckCompared: backChecks.compared,
      backCheckDrawn: backChecks.drawnAt,
    })
    .from(responses)
    .innerJoin(units, eq(units.code, responses.unitCode))
    .leftJoin(interviewReviews, eq(interviewReviews.responseId, responses.id))
    .leftJoin(visits, eq(visits.responseId, responses.id))
    .leftJoin(backChecks, eq(backChecks.responseId, responses.id))
    .where(and(...where))
    .orderBy(desc(responses.completedAt), desc(responses.id))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map(({ backCheckMatched, backCheckCompared, backCheckDrawn, ...r }) => {
    const answers = JSON.parse(r.answers) as Record<string, unknown>;
    return {
      ...r,
      state: r.state ?? ("pending" as const),
      household: r.household === null ? null : access.reveal ? r.household : maskHousehold(r.household),
      answers: access.reveal ? answers : (maskAnswerValue(answers) as Record<string, unknown>),
      durationSeconds: Math.round((Date.parse(r.completedAt) - Date.parse(r.startedAt)) / 1000),
      backCheck: backCheckDrawn === null ? null : { matched: backCheckMatched, compared: backCheckCompared },
    };
  });
}

/**
 * An interviewer's returned interviews (退回) with the supervisor's reason, newest first, for the
 * tablet to pull on sync: only the interviewer's own, whatever unit. The household label is the
 * interviewer's own record, so it is not masked for them.
 */
export async function listReturned(db: Database, interviewer: string) {
  return db
    .select({
      id: responses.id,
      surveyId: responses.surveyId,
      unitCode: responses.unitCode,
      unitName: units.name,
      completedAt: responses.completedAt,
      household: visits.household,
      reason: interviewReviews.reason,
      reviewedBy: interviewReviews.reviewedBy,
      reviewedAt: interviewReviews.reviewedAt,
    })
    .from(interviewReviews)
    .innerJoin(responses, eq(responses.id, interviewReviews.responseId))
    .innerJoin(units, eq(units.code, responses.unitCode))
    .leftJoin(visits, eq(visits.responseId, responses.id))
    .where(and(eq(interviewReviews.interviewer, interviewer), eq(interviewReviews.state, "returned")))
    .orderBy(desc(interviewReviews.reviewedAt))
    .limit(200);
}
