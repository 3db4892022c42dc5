import type { Database } from "../../../db/client";
import { surveyDrafts } from "../../../db/schema";
import { writeTransaction } from "../../../db/write-transaction";
import type { NewSurvey } from "../../../contracts/survey-drafts";
import { auditInsert } from "../../admin/audit";
import { conflict, invalid } from "../../refusal";
import { getCurrentVersionRow } from "../surveys";
import { findDraftOfSurvey, newDraftRow } from "./draft-store";
import type { DraftRow } from "./draft-view";
import { templateJson } from "./templates";

/**
 * A draft of a survey that does not exist yet (baseVersion null), from a template or a copy of a
 * published survey's current version, with its own title and audience. 409 `survey_exists` when
 * the id is a published survey's or another draft's.
 */
export async function createNewSurveyDraft(db: Database, actor: string, input: NewSurvey, now: Date): Promise<DraftRow> {
  return writeTransaction(db, async (tx) => {
    if ((await getCurrentVersionRow(tx, input.surveyId)) || (await findDraftOfSurvey(tx, input.surveyId))) {
      throw conflict("survey_exists", `问卷编号 ${input.surveyId} 已被使用`);
    }
    let source: Record<string, unknown> | undefined;
    if ("template" in input.from) {
      source = templateJson(input.from.template);
      if (!source) throw invalid("unknown_template", `模板 ${input.from.template} 不存在`);
    } else {
      const copied = await getCurrentVersionRow(tx, input.from.copyOf);
      if (!copied) throw invalid("unknown_survey", `问卷 ${input.from.copyOf} 不存在`);
      source = JSON.parse(copied.json) as Record<string, unknown>;
    }
    const json = { ...source, title: input.title, audience: input.audience };
    const draft = newDraftRow(input.surveyId, null, json, actor, now);
    await tx.insert(surveyDrafts).values(draft);
    await auditInsert(
      tx,
      {
        actor,
        action: "survey.draft.create",
        target: input.surveyId,
        scopeUnit: null,
        after: { draftId: draft.id, baseVersion: null, from: input.from },
      },
      now,
    );
    return draft;
  });
}
