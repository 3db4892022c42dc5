import type { Database } from "../../../db/client";
import { meaningChanged } from "../lint/meaning-change";
import { diffSurveys, type SurveyDiff } from "../survey-diff";
import { getCurrentVersionRow } from "../surveys";
import { getDraft } from "./draft-store";

/** A new survey is compared with nothing: every question is added. */
const EMPTY_SURVEY = { pages: [] };

/** The draft against the survey's current published version, and the metric questions whose meaning changed. */
export async function diffDraft(db: Database, id: string): Promise<{ diff: SurveyDiff; meaningChanged: string[] }> {
  const draft = await getDraft(db, id);
  const current = await getCurrentVersionRow(db, draft.surveyId);
  const before = current ? (JSON.parse(current.json) as Record<string, unknown>) : EMPTY_SURVEY;
  const after = JSON.parse(draft.json) as Record<string, unknown>;
  return { diff: diffSurveys(before, after), meaningChanged: current ? meaningChanged(before, after) : [] };
}
