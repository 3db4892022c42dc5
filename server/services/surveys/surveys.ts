import "../../../surveys/properties";
import { and, desc, eq } from "drizzle-orm";
import { Model } from "survey-core";
import type { SurveyFile } from "../../../surveys/index";
import type { Database } from "../../db/client";
import type { DrizzleTx } from "../../db/sql-executor";
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
 * A new version row of `json` after `current` (hash over the canonical JSON, so key order does
 * not make a version). The one way a version is made, at start-up and from the editor.
 */
export async function newVersionRow(
  surveyId: string,
  json: Record<string, unknown>,
  current: SurveyVersionRow | undefined,
  source: SurveyVersionRow["source"],
  now: Date,
): Promise<SurveyVersionRow> {
  const text = canonicalJson(json);
  return {
    surveyId,
    version: (current?.version ?? 0) + 1,
    audience: String(json.audience),
    title: surveyTitle(json, surveyId),
    hash: await sha256Hex(text),
    json: text,
    publishedAt: now.toISOString(),
    source,
  };
}

/**
 * Publishes each file as a new version when THE FILE changed since it was last published from
 * the file: a version made in the editor since then stays current over an unchanged file, and a
 * changed file becomes the next version after it. Content equal to the current version is never
 * published twice. Published versions are never changed, so old responses keep the definition
 * they answered. Returns the versions that were added.
 */
export async function publishSurveys(db: Database, files: SurveyFile[], now: Date): Promise<SurveyVersionRow[]> {
  const problems = files.flatMap(checkedSurveyJson);
  if (problems.length > 0) throw new Error(`Survey files have errors:\n${problems.join("\n")}`);
  const added: SurveyVersionRow[] = [];
  for (const file of files) {
    const current = await getCurrentVersionRow(db, file.id);
    const row = await newVersionRow(file.id, file.json, current, "file", now);
    if (current?.hash === row.hash) continue;
    if (current?.source === "editor" && (await lastFileVersionHash(db, file.id)) === row.hash) continue;
    // Two instances starting together may race: the primary key lets only one publish a version.
    const inserted = await db.insert(surveyVersions).values(row).onConflictDoNothing().returning();
    added.push(...inserted);
  }
  return added;
}

/** The hash of the newest version published from the survey's file, if any. */
async function lastFileVersionHash(db: Database, surveyId: string): Promise<string | undefined> {
  const row = await db.query.surveyVersions.findFirst({
    where: and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.source, "file")),
    orderBy: desc(surveyVersions.version),
    columns: { hash: true },
  });
  return row?.hash;
}

export async function getCurrentVersionRow(db: Database | DrizzleTx, surveyId: string): Promise<SurveyVersionRow | undefined> {
  return db.query.surveyVersions.findFirst({
    where: eq(surveyVersions.surveyId, surveyId),
    orderBy: desc(surveyVersions.version),
  });
}

export async function getVersionRow(db: Database | DrizzleTx, surveyId: string, version: number): Promise<SurveyVersionRow | undefined> {
  return db.query.surveyVersions.findFirst({
    where: and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)),
  });
}

export async function listCurrentVersions(db: Database): Promise<SurveyVersionRow[]> {
  const rows = await db.select().from(surveyVersions).orderBy(surveyVersions.surveyId, desc(surveyVersions.version));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.surveyId) && seen.add(r.surveyId));
}
