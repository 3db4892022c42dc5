import { shippedSurveys } from "../../surveys/index";
import type { TestApp } from "./test-app";
import { generateAnswers, seededRng } from "./answer-generator";

/** Demo units used across tests (server/services/units/demo-hierarchy.ts). */
export const DEMO = {
  city: "500000000000",
  dadukou: "500104000000",
  qijiang: "500110000000",
  xinshancun: "500104001000",
  community: "500104001001",
  community2: "500104001002",
  otherSubdistrictCommunity: "500104002001",
  qijiangCommunity: "500110002001",
  school: "500104S01",
} as const;

export function surveyJson(id: string): Record<string, unknown> {
  const found = shippedSurveys.find((s) => s.id === id);
  if (!found) throw new Error(`no survey ${id}`);
  return found.json;
}

let seed = 1000;
/** A valid set of answers for a shipped survey (seeded, so failures reproduce). */
export function validAnswers(surveyId = "resident", s = seed++): Record<string, unknown> {
  return generateAnswers(surveyJson(surveyId), seededRng(s));
}

/** Valid answers from a respondent who passes the eligibility screen, so every metric is answered. */
export function eligibleAnswers(surveyId = "resident"): Record<string, unknown> {
  for (;;) {
    const answers = validAnswers(surveyId);
    if ("knows_campaign" in answers) return answers;
  }
}

export function uuid(): string {
  return crypto.randomUUID();
}

/** A QR submission body for a poster token. */
export function qrBody(token: string, overrides: Record<string, unknown> = {}) {
  const now = new Date();
  return {
    id: uuid(),
    surveyId: "resident",
    surveyVersion: 1,
    channel: "qr",
    token,
    answers: validAnswers("resident"),
    startedAt: new Date(now.getTime() - 4 * 60_000).toISOString(),
    completedAt: now.toISOString(),
    deviceId: `device-${uuid()}`,
    ...overrides,
  };
}

export async function countRows(t: Pick<TestApp, "client">, table: string, where = "1=1"): Promise<number> {
  const rs = await t.client.execute(`select count(*) as n from ${table} where ${where}`);
  return Number(rs.rows[0]!.n);
}

/** Every table a bad request must leave untouched. */
export async function snapshotCounts(t: Pick<TestApp, "client">): Promise<Record<string, number>> {
  const tables = ["responses", "posters", "users", "sessions", "units", "rollups", "survey_versions"];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await countRows(t, table);
  return out;
}
