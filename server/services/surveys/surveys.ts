import "../../../surveys/properties";
import { and, desc, eq } from "drizzle-orm";
import { Model } from "survey-core";
import type { SurveyFile } from "../../../surveys/index";
import type { Database } from "../../db/client";
import { surveyVersions } from "../../db/schema";
import { canonicalJson } from "../../lib/canonical-json";
import { sha256Hex } from "../../lib/crypto";

export type SurveyVersionRow = typeof surveyVersions.$inferSelect;

/** Survey JSON must load in survey-core without errors and name its audience. */
export function checkSurveyJson(file: SurveyFile): string[] {
  const problems: string[] = [];
  const model = new Model(file.json);
  for (const e of model.jsonErrors ?? []) problems.push(`${file.id}: ${e.message}`);
  if (typeof file.json.audience !== "string") problems.push(`${file.id}: "audience" is missing`);
  if (model.getAllQuestions().length === 0) problems.push(`${file.id}: no questions`);
  model.dispose();
  return problems;
}

/**
 * checkSurveyJson's verdict by survey id and JSON text (key order kept): building the survey-core
 * model costs ~15-40 ms a survey, and its verdict on the same JSON cannot change within a process.
 * A server bootstraps once, so this only saves time where one process bootstraps many databases
 * (the tests build a fresh app per case). Any other content is a new key and is checked afresh.
 */
const surveyChecks = new Map<string, string[]>();

function checkedSurveyJson(file: SurveyFile): string[] {
  const key = `${file.id}\n${JSON.stringify(file.json)}`;
  let problems = surveyChecks.get(key);
  if (!problems) {
    problems = checkSurveyJson(file);
    surveyChecks.set(key, problems);
  }
  return problems;
}

export function surveyTitle(json: Record<string, unknown>, fallback: string): string {
  const title = json.title;
  if (typeof title === "string") return title;
  if (title && typeof title === "object") {
    const t = title as Record<string, string>;
    return t["zh-cn"] ?? t.default ?? fallback;
  }
  return fallback;
}

/**
 * Publishes each file as a new version when its content differs from the current version.
 * Published versions are never changed, so old responses keep the definition they answered.
 * Returns the versions that were added.
 */
export async function publishSurveys(db: Database, files: SurveyFile[], now: Date): Promise<SurveyVersionRow[]> {
  const problems = files.flatMap(checkedSurveyJson);
  if (problems.length > 0) throw new Error(`Survey files have errors:\n${problems.join("\n")}`);
  const added: SurveyVersionRow[] = [];
  for (const file of files) {
    const json = canonicalJson(file.json);
    const hash = await sha256Hex(json);
    const current = await getCurrentVersionRow(db, file.id);
    if (current?.hash === hash) continue;
    const row: SurveyVersionRow = {
      surveyId: file.id,
      version: (current?.version ?? 0) + 1,
      audience: String(file.json.audience),
      title: surveyTitle(file.json, file.id),
      hash,
      json,
      publishedAt: now.toISOString(),
    };
    // Two instances starting together may race: the primary key lets only one publish a version.
    const inserted = await db.insert(surveyVersions).values(row).onConflictDoNothing().returning();
    added.push(...inserted);
  }
  return added;
}

export async function getCurrentVersionRow(db: Database, surveyId: string): Promise<SurveyVersionRow | undefined> {
  return db.query.surveyVersions.findFirst({
    where: eq(surveyVersions.surveyId, surveyId),
    orderBy: desc(surveyVersions.version),
  });
}

export async function getVersionRow(db: Database, surveyId: string, version: number): Promise<SurveyVersionRow | undefined> {
  return db.query.surveyVersions.findFirst({
    where: and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)),
  });
}

export async function listCurrentVersions(db: Database): Promise<SurveyVersionRow[]> {
  const rows = await db.select().from(surveyVersions).orderBy(surveyVersions.surveyId, desc(surveyVersions.version));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.surveyId) && seen.add(r.surveyId));
}
