import { LRUCache } from "lru-cache";
import type { Database } from "../../../db/client";
import type { DrizzleTx } from "../../../db/sql-executor";
import type { surveyDrafts } from "../../../db/schema";
import type { SurveyProblem } from "../../../contracts/survey-drafts";
import { lintSurvey } from "../lint/lint-survey";
import { getCurrentVersionRow } from "../surveys";

export type DraftRow = typeof surveyDrafts.$inferSelect;

/** The contract's SurveyDraft: the stored draft with its JSON parsed and its problems computed. */
export interface SurveyDraft {
  id: string;
  surveyId: string;
  baseVersion: number | null;
  json: Record<string, unknown>;
  revision: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  problems: SurveyProblem[];
}

/**
 * Lint verdicts by survey, current version and draft JSON: running the survey for the completion
 * rule costs a few hundred milliseconds, and a list or a re-read of an unchanged draft should not.
 */
const verdicts = new LRUCache<string, SurveyProblem[]>({ max: 200 });

/**
 * The draft's problems against the survey's current published version (a new survey has none:
 * no meaning can change). Compared with the current version, not the base, so a version
 * published meanwhile is what the warnings speak of.
 */
export async function draftProblems(db: Database | DrizzleTx, row: DraftRow): Promise<SurveyProblem[]> {
  const current = await getCurrentVersionRow(db, row.surveyId);
  const key = `${row.surveyId}@${current?.version ?? 0}\n${row.json}`;
  const cached = verdicts.get(key);
  if (cached) return cached;
  const json = JSON.parse(row.json) as Record<string, unknown>;
  const problems = lintSurvey(json, current ? { audience: current.audience, published: JSON.parse(current.json) } : {});
  verdicts.set(key, problems);
  return problems;
}

export async function draftView(db: Database | DrizzleTx, row: DraftRow): Promise<SurveyDraft> {
  return {
    id: row.id,
    surveyId: row.surveyId,
    baseVersion: row.baseVersion,
    json: JSON.parse(row.json) as Record<string, unknown>,
    revision: row.revision,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    problems: await draftProblems(db, row),
  };
}
