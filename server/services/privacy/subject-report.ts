import { SUBJECT_SUMMARY_ITEMS } from "../../contracts/subjects";
import { subjectCounts } from "./subject-anonymise";
import type { SubjectRecords } from "./subject-find";

/**
 * The found records as plain JSON: the summary shows the first SUBJECT_SUMMARY_ITEMS of each kind
 * (counts always whole) without the full answers; the export holds every item with its answers.
 */
export function subjectReport(found: SubjectRecords, options: { full: boolean }) {
  const take = <T>(items: T[]) => (options.full ? items : items.slice(0, SUBJECT_SUMMARY_ITEMS));
  return {
    kind: found.kind,
    area: found.area,
    counts: subjectCounts(found),
    retained: found.retained,
    responses: take(found.responses).map((r) => ({
      id: r.id,
      unitCode: r.unitCode,
      surveyId: r.surveyId,
      surveyVersion: r.surveyVersion,
      channel: r.channel,
      completedAt: r.completedAt,
      day: r.day,
      deviceId: r.deviceId,
      interviewer: r.interviewer,
      flagged: r.flagged,
      freeText: r.freeTextKeys.map((key) => ({ key, text: String(r.answers[key]) })),
      ...(options.full ? { answers: r.answers } : {}),
    })),
    visits: take(found.visits).map((v) => ({
      id: v.id,
      unitCode: v.unitCode,
      surveyId: v.surveyId,
      household: v.household,
      outcome: v.outcome,
      responseId: v.responseId,
      interviewer: v.interviewer,
      deviceId: v.deviceId,
      visitedAt: v.visitedAt,
      latitude: v.latitude,
      longitude: v.longitude,
      accuracyM: v.accuracyM,
    })),
    devices: take(found.devices).map((d) => ({
      deviceId: d.deviceId,
      username: d.username,
      pending: d.pending,
      needsAttention: d.needsAttention,
      appVersion: d.appVersion,
      lastSyncAt: d.lastSyncAt,
      lastHeartbeatAt: d.lastHeartbeatAt,
    })),
    comments: take(found.comments),
    // The stored value is a keyed hash: who signed in from the device, and when last, is what it tells.
    loginSources: take(found.loginSources).map((s) => ({ username: s.username, lastSuccessAt: s.lastSuccessAt })),
  };
}

export type SubjectReport = ReturnType<typeof subjectReport>;
