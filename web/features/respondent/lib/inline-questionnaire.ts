/**
 * What the server put into the poster page's HTML (server/pages/respondent-page.ts, issue 18):
 * the questionnaire as a JSON data block, so the page needs no request for it, and the light
 * first page as a form the person may already have answered before this script ran. Both are
 * read once, before React replaces the server's markup.
 */
import { lightAnswers, lightFieldName, lightFirstPage, type LightFirstPage } from "../../../../surveys/first-page";
import type { Questionnaire } from "../types";
import { recordProgress, type ResumedDraft } from "./draft";

/** The same id as server/pages/respondent-html.ts INLINE_QUESTIONNAIRE_ID. */
const DATA_ID = "cw-questionnaire";
const FORM_ID = "cw-first-page";

/** The inline questionnaire of this token's page, or null (another page, none, or unreadable). */
export function readInlineQuestionnaire(token: string): Questionnaire | null {
  const block = document.getElementById(DATA_ID);
  if (!block || block.getAttribute("data-token") !== token) return null;
  try {
    const parsed = JSON.parse(block.textContent ?? "") as Questionnaire;
    return parsed?.survey?.json && parsed.unit ? parsed : null;
  } catch {
    return null;
  }
}

export interface LightStart {
  page: LightFirstPage;
  /** The answers given in the server's form before React took over (empty if none). */
  answers: Record<string, unknown>;
}

/** The light first page of a questionnaire, with what was already ticked in the server's form. */
export function readLightStart(questionnaire: Questionnaire): LightStart | null {
  const page = lightFirstPage(questionnaire.survey.json);
  if (!page) return null;
  const form = document.getElementById(FORM_ID);
  if (!(form instanceof HTMLFormElement)) return { page, answers: {} };
  const fields = new FormData(form);
  const answers = lightAnswers(page, (index) => fields.getAll(lightFieldName(index)).map(String));
  return { page, answers };
}

/**
 * A resumed draft with the answers ticked in the server's form, the newest there are; only on a
 * draft still being filled on its first page (a draft further on is what SurveyJS reopens).
 */
export function withEarlyAnswers(resumed: ResumedDraft, early: Record<string, unknown>, now: string): ResumedDraft {
  const { draft } = resumed;
  if (Object.keys(early).length === 0 || draft.status !== "filling" || draft.pageNo !== 0) return resumed;
  return { ...resumed, draft: recordProgress(draft, { ...draft.data, ...early }, 0, now) };
}
