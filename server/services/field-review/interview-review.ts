import { and, eq } from "drizzle-orm";
import { REASON_REQUIRED, type ReviewState, type SettableState } from "../../contracts/field-review-states";
import type { Database } from "../../db/client";
import { interviewReviews, responses, unitClosure } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import { auditInsert } from "../admin/audit";
import { forbidden, invalid, notFound } from "../refusal";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { readFieldReviewSettings } from "./review-settings";
import { loadDefinitions, reviewStatesOf, settleSides, type ResponseRow } from "./sides";

export interface ReviewStateChange {
  id: string;
  state: SettableState;
  reason?: string;
  actor: string;
  /** The caller's scope: the response's stored unit must lie inside it. */
  scope: string;
}

/**
 * Why a change from `from` to `to` is refused, or null when it is allowed: any reviewed state
 * may change to another (a supervisor corrects a decision), never back to 待审核 (it has been
 * looked at) and never to the state it already has (nothing would change, nothing is audited).
 */
export function transitionRefusal(
  from: ReviewState,
  to: ReviewState,
  reason: string | undefined,
): { code: string; message: string } | null {
  if (to === "pending") return { code: "invalid_transition", message: "已审核的访问不能改回待审核" };
  if (from === to) return { code: "invalid_transition", message: "该访问已是此审核状态" };
  if (REASON_REQUIRED.includes(to) && !reason?.trim()) return { code: "reason_required", message: "退回或存疑须写明理由" };
  return null;
}

/**
 * Sets a supervisor's state on one interview. In one write transaction: the response is read
 * again, must be an interview (422 not_interview) whose stored unit lies in the caller's scope
 * (403), the transition must be allowed (422), the state is stored, the response's rollups move
 * to the side the counted setting gives (counted-side.ts), and the audit entry is written with
 * the response's unit as its scope. A refusal changes nothing.
 */
export async function setReviewState(db: Database, registry: SurveyRegistry, change: ReviewStateChange, now: Date) {
  const id = change.id.toLowerCase();
  const version = await db
    .select({ surveyId: responses.surveyId, surveyVersion: responses.surveyVersion })
    .from(responses)
    .where(eq(responses.id, id))
    .get();
  if (!version) throw notFound("访问答卷");
  const definitions = await loadDefinitions(registry, [version]);
  return writeTransaction(db, async (tx) => {
    const row = await tx.select().from(responses).where(eq(responses.id, id)).get();
    if (!row) throw notFound("访问答卷");
    await assertReviewable(tx, row, change.scope);
    const before = await tx.select().from(interviewReviews).where(eq(interviewReviews.responseId, id)).get();
    const from: ReviewState = before?.state ?? "pending";
    const refusal = transitionRefusal(from, change.state, change.reason);
    if (refusal) throw invalid(refusal.code, refusal.message);
    const review = {
      responseId: id,
      state: change.state,
      reason: change.reason?.trim() || null,
      reviewedBy: change.actor,
      reviewedAt: now.toISOString(),
      interviewer: row.interviewer,
    };
    await tx.insert(interviewReviews).values(review).onConflictDoUpdate({ target: interviewReviews.responseId, set: review });
    const { counted } = await readFieldReviewSettings(tx);
    await settleSides(tx, [row], await reviewStatesOf(tx, [id]), counted, definitions);
    const after = await tx.select({ flagged: responses.flagged }).from(responses).where(eq(responses.id, id)).get();
    await auditInsert(
      tx,
      {
        actor: change.actor,
        action: "interviews.review",
        target: id,
        scopeUnit: row.unitCode,
        before: { state: from, reason: before?.reason ?? null, flagged: row.flagged },
        after: { state: change.state, reason: review.reason, flagged: after!.flagged },
      },
      now,
    );
    return { ...review, flagged: after!.flagged, previous: from };
  });
}

/** An interview inside the scope by its stored unit; a QR response has no interviewer to review. */
export async function assertReviewable(tx: DrizzleTx, row: ResponseRow, scope: string): Promise<void> {
  if (row.channel !== "interview") throw invalid("not_interview", "只有入户访问的答卷需要督导审核");
  const inScope = await tx
    .select({ d: unitClosure.descendant })
    .from(unitClosure)
    .where(and(eq(unitClosure.ancestor, scope), eq(unitClosure.descendant, row.unitCode)))
    .get();
  if (!inScope) throw forbidden("无权审核该单位的访问");
}
