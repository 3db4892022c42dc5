/**
 * Shapes of the questionnaire-editor endpoints (/work contract, docs/api.md "Survey drafts").
 * Written by hand against the agreed contract until the server's routes exist; then these become
 * InferResponseType aliases of the typed client.
 */
import type { SurveyJson } from "./lib/survey-json";

export interface Problem {
  level: "error" | "warning";
  code: string;
  /** In Chinese, as the server words it. */
  message: string;
  question?: string;
  page?: string;
}

export interface SurveyDraft {
  id: string;
  surveyId: string;
  /** The published version the draft started from; null for a new survey. */
  baseVersion: number | null;
  json: SurveyJson;
  revision: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  problems: Problem[];
}

export type DraftSummary = Omit<SurveyDraft, "json"> & { json?: SurveyJson };

export interface SurveyTemplate {
  id: string;
  title: string;
  audience: string;
}

export interface BankItem {
  id: string;
  audience: string[];
  metric?: string;
  title: string;
  note?: string;
  element: Record<string, unknown>;
}

export interface ChoiceChange {
  value: unknown;
  kind: "added" | "removed" | "text";
  before?: string;
  after?: string;
}

export interface SurveyDiff {
  added: { name: string; title: string; type: string }[];
  removed: { name: string; title: string; type: string }[];
  changed: { name: string; title: string; properties: { property: string; before: unknown; after: unknown }[]; choices: ChoiceChange[] }[];
  survey: { property: string; before: unknown; after: unknown }[];
}

export interface DraftDiff {
  diff: SurveyDiff;
  /** Metric questions whose choices, positive, excluded, scores or metric changed. */
  meaningChanged: string[];
}

export interface PublishedSurvey {
  id: string;
  version: number;
  audience: string;
  title: string;
  /** Set when the survey is retired (posters say 已停止); absent on servers before the editor. */
  retiredAt?: string | null;
}

export type NewSurveySource = { template: string } | { copyOf: string };
