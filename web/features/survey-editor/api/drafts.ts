/**
 * The calls of the questionnaire editor (all admin only). Every call throws the server's
 * `ApiError` on a refusal; the autosave tells `stale_revision` (409) apart.
 */
import { API_BASE } from "../../../lib/api-client";
import { apiFetch, readResponse } from "../../../lib/http";
import type { SurveyJson } from "../lib/survey-json";
import type { BankItem, DraftDiff, DraftSummary, NewSurveySource, PublishedSurvey, SurveyDraft, SurveyTemplate } from "../types";

const BASE = `${API_BASE}/survey-drafts`;
const id = (value: string) => encodeURIComponent(value);

export const listDrafts = () =>
  apiFetch(BASE)
    .then((r) => readResponse<{ drafts: DraftSummary[] }>(r))
    .then((b) => b.drafts);

export const listPublished = () => apiFetch(`${API_BASE}/surveys`).then((r) => readResponse<PublishedSurvey[]>(r));

/** The draft of a survey: a new one from its current version, or the one already open (200). */
export const startDraft = (surveyId: string) =>
  apiFetch(BASE, { method: "POST", body: { surveyId } }).then((r) => readResponse<SurveyDraft>(r));

export const startNewSurvey = (body: { surveyId: string; title: string; audience: string; from: NewSurveySource }) =>
  apiFetch(`${BASE}/new`, { method: "POST", body }).then((r) => readResponse<SurveyDraft>(r));

export const listTemplates = () =>
  apiFetch(`${BASE}/templates`)
    .then((r) => readResponse<{ templates: SurveyTemplate[] }>(r))
    .then((b) => b.templates);

export const listBankItems = () =>
  apiFetch(`${BASE}/item-bank`)
    .then((r) => readResponse<{ items: BankItem[] }>(r))
    .then((b) => b.items);

export const getDraft = (draftId: string) => apiFetch(`${BASE}/${id(draftId)}`).then((r) => readResponse<SurveyDraft>(r));

/** Saves the whole JSON; `revision` is the one this editor last saw (409 stale_revision otherwise). */
export const saveDraft = (draftId: string, json: SurveyJson, revision: number) =>
  apiFetch(`${BASE}/${id(draftId)}`, { method: "PUT", body: { json, revision } }).then((r) => readResponse<SurveyDraft>(r));

export const getDraftDiff = (draftId: string) => apiFetch(`${BASE}/${id(draftId)}/diff`).then((r) => readResponse<DraftDiff>(r));

export const publishDraft = (draftId: string) =>
  apiFetch(`${BASE}/${id(draftId)}/publish`, { method: "POST" }).then((r) => readResponse<{ surveyId: string; version: number }>(r));

export const discardDraft = (draftId: string) =>
  apiFetch(`${BASE}/${id(draftId)}`, { method: "DELETE" }).then((r) => readResponse<{ discarded: true }>(r));

export const retireSurvey = (surveyId: string) =>
  apiFetch(`${API_BASE}/surveys/${id(surveyId)}/retire`, { method: "POST" }).then((r) =>
    readResponse<{ surveyId: string; retiredAt: string }>(r),
  );

export const reopenSurvey = (surveyId: string) =>
  apiFetch(`${API_BASE}/surveys/${id(surveyId)}/reopen`, { method: "POST" }).then((r) => readResponse<{ surveyId: string }>(r));
