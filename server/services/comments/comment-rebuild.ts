import { asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { responseComments, responses, settings } from "../../db/schema";
import { drizzleExecutor } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { commentInserts, type CommentSource } from "./comment-rows";

/** Set once response_comments holds every response stored before the table existed. */
export const COMMENTS_BACKFILLED_KEY = "response_comments_backfilled";

/**
 * Recomputes response_comments from the raw responses (after a fix of the open-text rules or a
 * restore), in one transaction read in keyset pages so memory stays flat; `npm run
 * rollups:rebuild` runs it with the rollups. `replace: false` only adds what is missing.
 *
 * @example const { responses } = await rebuildComments(db, registry);
 */
export async function rebuildComments(
  db: Database,
  registry: SurveyRegistry,
  options: { batchSize?: number; replace?: boolean; now?: Date } = {},
): Promise<{ responses: number }> {
  const batchSize = options.batchSize ?? 2000;
  return writeTransaction(db, async (tx) => {
    if (options.replace !== false) await tx.delete(responseComments);
    const exec = drizzleExecutor(tx);
    let after = "";
    let done = 0;
    for (;;) {
      const page = await tx
        .select({
          id: responses.id,
          unitCode: responses.unitCode,
          surveyId: responses.surveyId,
          surveyVersion: responses.surveyVersion,
          day: responses.day,
          completedAt: responses.completedAt,
          answers: responses.answers,
        })
        .from(responses)
        .where(gt(responses.id, after))
        .orderBy(asc(responses.id))
        .limit(batchSize);
      if (page.length === 0) break;
      const sources: CommentSource[] = [];
      for (const row of page) {
        const survey = await registry.get(row.surveyId, row.surveyVersion);
        if (!survey || survey.commentQuestions.length === 0) continue;
        sources.push({
          ...row,
          answerValues: JSON.parse(row.answers) as Record<string, unknown>,
          commentQuestions: survey.commentQuestions,
        });
      }
      await exec.batch(commentInserts(sources));
      done += page.length;
      after = page.at(-1)!.id;
    }
    const at = (options.now ?? new Date()).toISOString();
    await tx
      .insert(settings)
      .values({ key: COMMENTS_BACKFILLED_KEY, value: "true", updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: "true", updatedAt: at } });
    return { responses: done };
  });
}

/**
 * Runs the backfill once per database (on start, after the migration made the empty table):
 * responses stored by an older build get their comments; later starts read one setting and stop.
 */
export async function backfillCommentsOnce(db: Database, registry: SurveyRegistry, now: Date): Promise<boolean> {
  const done = await db.query.settings.findFirst({ where: eq(settings.key, COMMENTS_BACKFILLED_KEY) });
  if (done) return false;
  await rebuildComments(db, registry, { replace: false, now });
  return true;
}
