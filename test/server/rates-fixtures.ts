/**
 * Helpers for the rates tests: responses written through the real writer (the same transaction
 * and rollups as POST /api/v1/responses) when a test needs exact answer values, and the demo units.
 */
import { randomUUID } from "node:crypto";
import type { MetricQuestion } from "../../server/services/rates/metric-definitions";
import type { TestApp } from "../helpers/test-app";

export const CITY = "500000000000";
export const DADUKOU = "500104000000";
export const QIJIANG = "500110000000";
export const XINSHANCUN = "500104001000";
export const MINZHU = "500104001001"; // 民主社区, under 新山村街道
export const GANGHUA = "500104001002"; // 钢花社区
export const WENLONG_COMMUNITY = "500110002001";
export const SCHOOL = "500104S01";

export interface SeedOptions {
  unitCode: string;
  surveyId?: string;
  answers: Record<string, unknown>;
  channel?: "qr" | "interview";
  day?: string;
  flagged?: boolean;
  /** Metric definitions to count with; default: the survey's current version. */
  metricQuestions?: readonly MetricQuestion[];
}

export async function seedResponse(t: TestApp, o: SeedOptions): Promise<string> {
  const surveyId = o.surveyId ?? "resident";
  const survey = await t.app.services.registry.getCurrent(surveyId);
  if (!survey) throw new Error(`no survey ${surveyId}`);
  const day = o.day ?? "2026-11-20";
  const id = randomUUID();
  const at = `${day}T04:00:00.000Z`;
  const outcome = await t.app.services.writer.submit({
    id,
    surveyId,
    surveyVersion: survey.version,
    unitCode: o.unitCode,
    channel: o.channel ?? "interview",
    answers: JSON.stringify(o.answers),
    answerValues: o.answers,
    startedAt: at,
    completedAt: at,
    day,
    receivedAt: at,
    deviceId: `dev-${id}`,
    interviewer: null,
    posterId: null,
    sourceHash: null,
    contentHash: id,
    flagReasons: o.flagged ? ["burst"] : [],
    metricQuestions: o.metricQuestions ?? survey.metricQuestions,
    commentQuestions: survey.commentQuestions,
    distributionQuestions: survey.distributionQuestions,
  });
  if (outcome.status !== "accepted") throw new Error(`seed ${outcome.status}`);
  return id;
}

export async function getJson<T = any>(t: TestApp, path: string, cookie: string): Promise<{ status: number; body: T }> {
  const res = await t.request(path, { cookie });
  return { status: res.status, body: (await res.json()) as T };
}
