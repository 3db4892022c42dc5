import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { surveyDrafts, surveyVersions } from "../../../db/schema";
import { writeTransaction } from "../../../db/write-transaction";
import type { SurveyProblem } from "../../../contracts/survey-drafts";
import { auditInsert } from "../../admin/audit";
import { conflict, invalid } from "../../refusal";
import { lintErrors } from "../lint/lint-survey";
import { meaningChanged } from "../lint/meaning-change";
import { diffSurveys } from "../survey-diff";
import { getCurrentVersionRow, newVersionRow } from "../surveys";
import { diffSummary } from "./draft-discard";
import { getDraft } from "./draft-store";
import { draftProblems } from "./draft-view";

export type PublishOutcome = { published: true; surveyId: string; version: number } | { published: false; problems: SurveyProblem[] };

/**
 * Publishes the draft as the survey's next immutable version (source `editor`), the way start-up
 * publishes a file (newVersionRow: canonical JSON, its hash, the primary key deciding a race),
 * and deletes the draft, with one `survey.publish` entry holding the diff summary, all in one
 * transaction. A draft with any error-level problem is not published (`published: false` with
 * them all); one identical to the current version is refused (`no_changes`).
 */
export async function publishDraft(db: Database, actor: string, id: string, now: Date): Promise<PublishOutcome> {
  // The lint runs survey-core (up to a second on a busy machine): before the write lock, not
  // under it, where it would hold up every response being stored.
  const linted = await getDraft(db, id);
  const problems = await draftProblems(db, linted);
  // The draft linted is the draft published: a save in between is caught under the lock.
  if (lintErrors(problems).length > 0) return { published: false, problems };
  return writeTransaction(db, async (tx) => {
    const draft = await getDraft(tx, id);
    if (draft.revision !== linted.revision) throw conflict("stale_revision", "草稿刚被修改，请检查后再发布");
    const json = JSON.parse(draft.json) as Record<string, unknown>;
    const current = await getCurrentVersionRow(tx, draft.surveyId);
    const row = await newVersionRow(draft.surveyId, json, current, "editor", now);
    if (current?.hash === row.hash) throw invalid("no_changes", "草稿与当前版本相同，无需发布");
    const inserted = await tx.insert(surveyVersions).values(row).onConflictDoNothing().returning({ version: surveyVersions.version });
    if (inserted.length === 0) throw conflict("version_conflict", "问卷刚刚发布了新版本，请重新载入草稿");
    await tx.delete(surveyDrafts).where(eq(surveyDrafts.id, id));
    const before = current ? (JSON.parse(current.json) as Record<string, unknown>) : null;
    await auditInsert(
      tx,
      {
        actor,
        action: "survey.publish",
        target: draft.surveyId,
        scopeUnit: null,
        before: current ? { version: current.version, hash: current.hash } : null,
        after: {
          version: row.version,
          hash: row.hash,
          draftId: id,
          changes: before ? diffSummary(diffSurveys(before, json)) : { created: true },
          meaningChanged: before ? meaningChanged(before, json) : [],
        },
      },
      now,
    );
    return { published: true, surveyId: draft.surveyId, version: row.version };
  });
}
