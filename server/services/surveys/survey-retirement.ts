import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { DrizzleTx } from "../../db/sql-executor";
import { retiredSurveys } from "../../db/schema";
import { auditInsert } from "../admin/audit";
import { writeTransaction } from "../../db/write-transaction";
import { gone, invalid, notFound } from "../refusal";
import { getCurrentVersionRow } from "./surveys";

/** When a survey was retired, or null while it is in use. */
export async function readRetiredAt(db: Database | DrizzleTx, surveyId: string): Promise<string | null> {
  const row = await db.query.retiredSurveys.findFirst({ where: eq(retiredSurveys.surveyId, surveyId), columns: { retiredAt: true } });
  return row?.retiredAt ?? null;
}

/** What a poster of a retired survey answers: the respondent page shows its closed view (poster_closed). */
export function assertSurveyInUse(retiredAt: string | null): void {
  if (retiredAt) throw gone("poster_closed", "本次调查已结束，该问卷不再收集，感谢您的关注。");
}

/** New posters are made only for surveys in use. */
export function assertSurveyNotRetired(retiredAt: string | null): void {
  if (retiredAt) throw invalid("survey_retired", "该问卷已停用，不能再生成海报");
}

/**
 * Takes a survey out of use (its posters answer as closed, no new posters, no new answers);
 * retiring a retired survey changes nothing. Audited in the same transaction.
 */
export async function retireSurvey(
  db: Database,
  actor: string,
  surveyId: string,
  now: Date,
): Promise<{ surveyId: string; retiredAt: string }> {
  return writeTransaction(db, async (tx) => {
    if (!(await getCurrentVersionRow(tx, surveyId))) throw notFound("问卷");
    const stored = await readRetiredAt(tx, surveyId);
    if (stored) return { surveyId, retiredAt: stored };
    const retiredAt = now.toISOString();
    await tx.insert(retiredSurveys).values({ surveyId, retiredAt, retiredBy: actor });
    await auditInsert(
      tx,
      { actor, action: "survey.retire", target: surveyId, scopeUnit: null, before: { retiredAt: null }, after: { retiredAt } },
      now,
    );
    return { surveyId, retiredAt };
  });
}

/** Puts a retired survey back in use (its posters take answers again within their windows). */
export async function reopenSurvey(db: Database, actor: string, surveyId: string, now: Date): Promise<{ surveyId: string }> {
  return writeTransaction(db, async (tx) => {
    if (!(await getCurrentVersionRow(tx, surveyId))) throw notFound("问卷");
    const stored = await readRetiredAt(tx, surveyId);
    if (!stored) return { surveyId };
    await tx.delete(retiredSurveys).where(eq(retiredSurveys.surveyId, surveyId));
    await auditInsert(
      tx,
      { actor, action: "survey.reopen", target: surveyId, scopeUnit: null, before: { retiredAt: stored }, after: { retiredAt: null } },
      now,
    );
    return { surveyId };
  });
}
