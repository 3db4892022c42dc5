import type { Database } from "../../../db/client";
import { surveyDrafts } from "../../../db/schema";
import { writeTransaction } from "../../../db/write-transaction";
import { auditInsert } from "../../admin/audit";
import { notFound } from "../../refusal";
import { getCurrentVersionRow } from "../surveys";
import { findDraftOfSurvey, newDraftRow } from "./draft-store";
import type { DraftRow } from "./draft-view";

/**
 * A draft of the survey's next version, starting from its current one. A survey has at most one
 * draft: if it has one already, that draft is the answer (`created: false`), so two admins
 * opening the editor edit the same draft (revisions keep their saves apart).
 */
export async function createDraft(
  db: Database,
  actor: string,
  surveyId: string,
  now: Date,
): Promise<{ draft: DraftRow; created: boolean }> {
  return writeTransaction(db, async (tx) => {
    const existing = await findDraftOfSurvey(tx, surveyId);
    if (existing) return { draft: existing, created: false };
    const current = await getCurrentVersionRow(tx, surveyId);
    if (!current) throw notFound("问卷");
    const draft = newDraftRow(surveyId, current.version, JSON.parse(current.json), actor, now);
    await tx.insert(surveyDrafts).values(draft);
    await auditInsert(
      tx,
      {
        actor,
        action: "survey.draft.create",
        target: surveyId,
        scopeUnit: null,
        after: { draftId: draft.id, baseVersion: current.version },
      },
      now,
    );
    return { draft, created: true };
  });
}
