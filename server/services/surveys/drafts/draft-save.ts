import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { surveyDrafts } from "../../../db/schema";
import { writeTransaction } from "../../../db/write-transaction";
import type { UpdateDraft } from "../../../contracts/survey-drafts";
import { auditInsert } from "../../admin/audit";
import { conflict } from "../../refusal";
import { getDraft } from "./draft-store";
import type { DraftRow } from "./draft-view";

/**
 * Autosave writes every few seconds, so the log gets one `survey.draft.update` per editing
 * session: when someone else saved last, or the last save is older than this.
 */
export const UPDATE_AUDIT_GAP_MS = 30 * 60_000;

/**
 * Saves the draft's whole JSON if `revision` is the stored one (else 409 `stale_revision`: a tab
 * that missed a newer save must reload, never overwrite it). The revision goes up by one.
 * Whether the JSON is a good survey is the problems' business, not a refusal: drafts may be
 * unfinished.
 */
export async function saveDraft(db: Database, actor: string, id: string, change: UpdateDraft, now: Date): Promise<DraftRow> {
  return writeTransaction(db, async (tx) => {
    const stored = await getDraft(tx, id);
    if (stored.revision !== change.revision) {
      throw conflict("stale_revision", `草稿已被更新（第 ${stored.revision} 版），请重新载入后再修改`);
    }
    const next = { json: JSON.stringify(change.json), revision: stored.revision + 1, updatedBy: actor, updatedAt: now.toISOString() };
    const [updated] = await tx
      .update(surveyDrafts)
      .set(next)
      .where(and(eq(surveyDrafts.id, id), eq(surveyDrafts.revision, stored.revision)))
      .returning();
    if (!updated) throw conflict("stale_revision", "草稿已被更新，请重新载入后再修改");
    const sessionStart =
      stored.updatedBy !== actor || now.getTime() - Date.parse(stored.updatedAt) > UPDATE_AUDIT_GAP_MS || stored.revision === 0;
    if (sessionStart) {
      await auditInsert(
        tx,
        {
          actor,
          action: "survey.draft.update",
          target: stored.surveyId,
          scopeUnit: null,
          before: { draftId: id, revision: stored.revision },
          after: { draftId: id, revision: updated.revision },
        },
        now,
      );
    }
    return updated;
  });
}
