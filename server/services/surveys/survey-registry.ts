import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import { getCurrentVersionRow, getVersionRow, listCurrentVersions } from "./surveys";
import { readRetiredAt } from "./survey-retirement";
import { extractMetricQuestions, type MetricQuestion } from "../rates/metric-definitions";
import { extractCommentQuestions, type CommentQuestion } from "../comments/comment-questions";
import { extractDistributionQuestions, type DistributionQuestion } from "../distributions/distribution-questions";
import { compileValidator } from "./validation/compiled-validator";
import { createSurveyCoreValidator, type AnswerValidator } from "./validation/survey-core-validator";

export interface LoadedSurvey {
  id: string;
  version: number;
  audience: string;
  title: string;
  /** When this version was published (epoch ms): nothing can have been answered on it earlier. */
  publishedAt: number;
  json: Record<string, unknown>;
  /** `{id, version, audience, json}` serialized once: GETs send it as is. */
  body: string;
  validate: AnswerValidator;
  metricQuestions: MetricQuestion[];
  /** Its open-text questions (意见建议), whose answers the writer keeps in response_comments. */
  commentQuestions: CommentQuestion[];
  /** The closed and numeric questions whose answers the distributions read counts (issue 14). */
  distributionQuestions: DistributionQuestion[];
}

export interface SurveyRegistry {
  get(id: string, version: number): Promise<LoadedSurvey | undefined>;
  getCurrent(id: string): Promise<LoadedSurvey | undefined>;
  listCurrent(): Promise<LoadedSurvey[]>;
  /** Forgets which version is current, after this instance published one (others take CURRENT_TTL_MS). */
  forgetCurrent(id: string): void;
  /** When the survey was retired (its posters take no answers), or null; cached like the current version. */
  retiredAt(id: string): Promise<string | null>;
  /** Forgets the retired state, after this instance retired or reopened the survey. */
  forgetRetired(id: string): void;
}

/** How long an instance trusts its idea of the current version before asking the database again. */
const CURRENT_TTL_MS = 30_000;

/**
 * Survey versions held in memory: published versions never change, so each is read, parsed and
 * serialized once per process, and its validator model is built on first use.
 *
 * @example const survey = await registry.getCurrent("resident");
 */
export function createSurveyRegistry(db: Database, clock: Clock): SurveyRegistry {
  const versions = new Map<string, LoadedSurvey>();
  const current = new Map<string, { version: number; checkedAt: number }>();
  const retired = new Map<string, { at: string | null; checkedAt: number }>();

  function load(row: NonNullable<Awaited<ReturnType<typeof getVersionRow>>>): LoadedSurvey {
    const key = `${row.surveyId}@${row.version}`;
    const cached = versions.get(key);
    if (cached) return cached;
    const json = JSON.parse(row.json) as Record<string, unknown>;
    let validator: AnswerValidator | undefined;
    const survey: LoadedSurvey = {
      id: row.surveyId,
      version: row.version,
      audience: row.audience,
      title: row.title,
      publishedAt: Date.parse(row.publishedAt),
      json,
      body: JSON.stringify({ id: row.surveyId, version: row.version, audience: row.audience, json }),
      validate: (answers) => (validator ??= compileValidator(json) ?? createSurveyCoreValidator(json))(answers),
      metricQuestions: extractMetricQuestions(json),
      commentQuestions: extractCommentQuestions(json),
      distributionQuestions: extractDistributionQuestions(json),
    };
    versions.set(key, survey);
    return survey;
  }

  return {
    async get(id, version) {
      const cached = versions.get(`${id}@${version}`);
      if (cached) return cached;
      const row = await getVersionRow(db, id, version);
      return row ? load(row) : undefined;
    },
    async getCurrent(id) {
      const known = current.get(id);
      const now = clock.now().getTime();
      if (known && now - known.checkedAt < CURRENT_TTL_MS) return this.get(id, known.version);
      const row = await getCurrentVersionRow(db, id);
      if (!row) return undefined;
      current.set(id, { version: row.version, checkedAt: now });
      return load(row);
    },
    async listCurrent() {
      const rows = await listCurrentVersions(db);
      const now = clock.now().getTime();
      return rows.map((row) => {
        current.set(row.surveyId, { version: row.version, checkedAt: now });
        return load(row);
      });
    },
    forgetCurrent(id) {
      current.delete(id);
    },
    async retiredAt(id) {
      const known = retired.get(id);
      const now = clock.now().getTime();
      if (known && now - known.checkedAt < CURRENT_TTL_MS) return known.at;
      const at = await readRetiredAt(db, id);
      retired.set(id, { at, checkedAt: now });
      return at;
    },
    forgetRetired(id) {
      retired.delete(id);
    },
  };
}
