import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { surveyDrafts } from "../../../db/schema";
import { writeTransaction } from "../../../db/write-transaction";
import { auditInsert } from "../../admin/audit";
import { diffSurveys } from "../survey-diff";
import { getCurrentVersionRow } from "../surveys";
import { getDraft } from "./draft-store";

/** Throws the draft away (the published versions stay as they are); the log keeps what it changed. */
export async function discardDraft(db: Database, actor: string, id: string, now: Date): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const draft = await getDraft(tx, id);
    const current = await getCurrentVersionRow(tx, draft.surveyId);
    const diff = current ? diffSurveys(JSON.parse(current.json), JSON.parse(draft.json)) : null;
    await tx.delete(surveyDrafts).where(eq(surveyDrafts.id, id));
    await auditInsert(
      tx,
      {
        actor,
        action: "survey.draft.discard",
        target: draft.surveyId,
        scopeUnit: null,
        before: { draftId: id, revision: draft.revision, baseVersion: draft.baseVersion, changes: diff && diffSummary(diff) },
      },
      now,
    );
  });
}

/** The names a diff touches: enough for the log, without whole questionnaires in it. */
export function diffSummary(diff: ReturnType<typeof diffSurveys>) {
  return {
    added: diff.added.map((q) => q.name),
    removed: diff.removed.map((q) => q.name),
    changed: diff.changed.map((q) => q.name),
    survey: diff.survey.map((p) => p.property),
  };
}
