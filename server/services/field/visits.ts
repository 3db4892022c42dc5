import { eq } from "drizzle-orm";
import type { SubmitVisit } from "../../contracts/field";
import type { Database } from "../../db/client";
import { responses, visits } from "../../db/schema";
import { invalid } from "../refusal";
import { canonicalJson } from "../../lib/canonical-json";
import { sha256Hex } from "../../lib/crypto";
import { hasValidDay, shanghaiDay } from "../../lib/shanghai-day";
import { AUDIENCE_UNIT_HINT, audienceFitsUnit } from "../surveys/audience";
import { resolveInterviewOrigin } from "../ingest/prepare-response";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { getUnit } from "../units/units";
import type { User } from "../auth/users";

/** Same tolerance for a fast device clock as responses have. */
const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export type VisitWriteStatus = "accepted" | "duplicate" | "conflict";
type NewVisit = typeof visits.$inferInsert;

/**
 * Checks a visit against the hierarchy, the caller's scope, the survey and (for 完成) the
 * response it claims to have produced, and returns the row to store. Throws the 422 that says why not.
 */
export async function prepareVisit(
  db: Database,
  registry: SurveyRegistry,
  user: User,
  body: SubmitVisit,
  now: Date,
): Promise<NewVisit & { contentHash: string }> {
  const origin = await resolveInterviewOrigin(db, user, body.unitCode);
  const unit = await getUnit(db, origin.unitCode);
  const survey = await registry.getCurrent(body.surveyId);
  if (!survey) throw invalid("unknown_survey", `问卷 ${body.surveyId} 不存在`);
  if (!unit || !audienceFitsUnit(survey.audience, unit.kind)) {
    throw invalid("audience_mismatch", AUDIENCE_UNIT_HINT[survey.audience] ?? "问卷与单位类型不匹配");
  }
  const visitedAt = Date.parse(body.visitedAt);
  // A day key must be a real day (server/lib/shanghai-day.ts); no door was knocked on before 2000.
  if (!hasValidDay(visitedAt)) throw invalid("invalid_times", "访问时间无效，请检查设备时钟");
  if (visitedAt - now.getTime() > MAX_CLOCK_AHEAD_MS) {
    throw invalid("invalid_times", "访问时间晚于当前时间，请检查设备时钟");
  }
  const responseId = body.responseId ? body.responseId.toLowerCase() : null;
  if (responseId) await assertResponseFits(db, responseId, body);

  const fields = {
    unitCode: origin.unitCode,
    surveyId: body.surveyId,
    household: body.household,
    outcome: body.outcome,
    responseId,
    interviewer: user.username,
    deviceId: body.deviceId,
    visitedAt: new Date(visitedAt).toISOString(),
    durationMs: body.durationMs ?? null,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    accuracyM: body.accuracyM ?? null,
    // Only when given, so the hash of a visit without a door is what it was before issue 16.
    ...(body.registerEntryId ? { registerEntryId: body.registerEntryId.toLowerCase() } : {}),
  };
  return {
    id: body.id.toLowerCase(),
    ...fields,
    day: shanghaiDay(new Date(visitedAt)),
    receivedAt: now.toISOString(),
    contentHash: await sha256Hex(canonicalJson(fields)),
  };
}

/** A 完成 visit must point at an interview response already stored for the same unit and survey. */
async function assertResponseFits(db: Database, responseId: string, body: SubmitVisit): Promise<void> {
  const response = await db
    .select({ unitCode: responses.unitCode, surveyId: responses.surveyId, channel: responses.channel })
    .from(responses)
    .where(eq(responses.id, responseId))
    .get();
  if (!response) {
    throw invalid("response_missing", "该入户记录对应的答卷尚未上传，请先上传答卷");
  }
  if (response.channel !== "interview" || response.unitCode !== body.unitCode || response.surveyId !== body.surveyId) {
    throw invalid("response_mismatch", "答卷与入户记录的社区或问卷不一致");
  }
}

/**
 * Stores a visit once. The same id with the same content is a duplicate (a retry after a lost
 * reply); with other content a conflict. The database decides, so this holds across instances.
 */
export async function saveVisit(db: Database, row: NewVisit & { contentHash: string }): Promise<VisitWriteStatus> {
  const inserted = await db.insert(visits).values(row).onConflictDoNothing().returning({ id: visits.id });
  if (inserted.length > 0) return "accepted";
  const existing = await db.select({ contentHash: visits.contentHash }).from(visits).where(eq(visits.id, row.id)).get();
  return existing?.contentHash === row.contentHash ? "duplicate" : "conflict";
}
