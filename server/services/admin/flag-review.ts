import { and, desc, eq, inArray, isNotNull, isNull, like, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { responses, unitClosure, units } from "../../db/schema";
import { maskAnswerValue } from "../privacy/mask";

export type ReviewStatus = "pending" | "included" | "excluded" | "all";

/** What the review pages show of a response: the flag list and the response search share it. */
export const reviewRowColumns = {
  id: responses.id,
  surveyId: responses.surveyId,
  surveyVersion: responses.surveyVersion,
  unitCode: responses.unitCode,
  unitName: units.name,
  channel: responses.channel,
  day: responses.day,
  flagged: responses.flagged,
  flagReason: responses.flagReason,
  startedAt: responses.startedAt,
  completedAt: responses.completedAt,
  receivedAt: responses.receivedAt,
  deviceId: responses.deviceId,
  interviewer: responses.interviewer,
  posterId: responses.posterId,
  sourceHash: responses.sourceHash,
  answers: responses.answers,
  reviewDecision: responses.reviewDecision,
  reviewReason: responses.reviewReason,
  reviewedBy: responses.reviewedBy,
  reviewedAt: responses.reviewedAt,
};

/**
 * A selected row as the API shows it: flag reasons as a list, the duration, the answers parsed,
 * with phone and identity numbers in them masked unless the caller may see personal data (issue 19).
 */
export function toReviewRow<R extends { flagReason: string | null; startedAt: string; completedAt: string; answers: string }>(
  r: R,
  access: { reveal: boolean },
) {
  const answers = JSON.parse(r.answers) as Record<string, unknown>;
  return {
    ...r,
    flagReasons: r.flagReason ? r.flagReason.split(",") : [],
    durationSeconds: Math.round((Date.parse(r.completedAt) - Date.parse(r.startedAt)) / 1000),
    answers: access.reveal ? answers : (maskAnswerValue(answers) as Record<string, unknown>),
  };
}

/** The units of `code`'s subtree, as a subquery for `inArray`. */
export function subtreeOf(db: Database, code: string) {
  return db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, code));
}

/**
 * Flagged responses (anything that ever carried a flag reason, a manual exclusion included)
 * inside `scope`, newest first.
 */
export async function listFlagged(
  db: Database,
  query: { scope: string; unit?: string; status: ReviewStatus; reason?: string; limit: number; offset: number },
  access: { reveal: boolean },
) {
  const where: SQL[] = [isNotNull(responses.flagReason), inArray(responses.unitCode, subtreeOf(db, query.scope))];
  if (query.unit) where.push(inArray(responses.unitCode, subtreeOf(db, query.unit)));
  if (query.status === "pending") where.push(isNull(responses.reviewDecision));
  if (query.status === "included") where.push(eq(responses.reviewDecision, "include"));
  if (query.status === "excluded") where.push(eq(responses.reviewDecision, "exclude"));
  if (query.reason) where.push(like(responses.flagReason, `%${query.reason}%`));
  const rows = await db
    .select(reviewRowColumns)
    .from(responses)
    .innerJoin(units, eq(units.code, responses.unitCode))
    .where(and(...where))
    .orderBy(desc(responses.receivedAt), desc(responses.id))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map((r) => toReviewRow(r, access));
}
