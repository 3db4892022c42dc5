/**
 * The calls of the questionnaire editor (all admin only) through the typed client. Every call
 * throws the server's `ApiError` on a refusal; the autosave tells `stale_revision` (409) apart.
 */
import { api, unwrap } from "../../../lib/api-client";
import type { SurveyJson } from "../lib/survey-json";
import type { NewSurveyBody, PublishedSurvey, SurveyDraft } from "../types";

const drafts = api["survey-drafts"];
const param = (id: string) => ({ param: { id: encodeURIComponent(id) } });

export const listDrafts = () => unwrap(drafts.$get()).then((b) => b.drafts);

/** The current version of every survey, with when it was retired (null while in use). */
export const listPublished = (): Promise<PublishedSurvey[]> => unwrap(api.surveys.$get());

/** The draft of a survey: a new one from its current version, or the one already open (200). */
export const startDraft = (surveyId: string): Promise<SurveyDraft> => unwrap(drafts.$post({ json: { surveyId } }));

export const startNewSurvey = (json: NewSurveyBody): Promise<SurveyDraft> => unwrap(drafts.new.$post({ json }));

export const listTemplates = () => unwrap(drafts.templates.$get()).then((b) => b.templates);

export const listBankItems = () => unwrap(drafts["item-bank"].$get()).then((b) => b.items);

export const getDraft = (id: string): Promise<SurveyDraft> => unwrap(drafts[":id"].$get(param(id)));

/** Saves the whole JSON; `revision` is the one this editor last saw (409 stale_revision otherwise). */
export const saveDraft = (id: string, json: SurveyJson, revision: number): Promise<SurveyDraft> =>
  unwrap(drafts[":id"].$put({ ...param(id), json: { json, revision } }));

export const getDraftDiff = (id: string) => unwrap(drafts[":id"].diff.$get(param(id)));

export const publishDraft = (id: string) => unwrap(drafts[":id"].publish.$post(param(id)));

export const discardDraft = (id: string) => unwrap(drafts[":id"].$delete(param(id)));

export const retireSurvey = (id: string) => unwrap(api.surveys[":id"].retire.$post(param(id)));

export const reopenSurvey = (id: string) => unwrap(api.surveys[":id"].reopen.$post(param(id)));
