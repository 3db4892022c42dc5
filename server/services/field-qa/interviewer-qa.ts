import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { responseParadata, responses, unitClosure, units, visits } from "../../db/schema";
import { qualityFlags } from "../ingest/quality-flags";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { distanceM, isSpeeding, matrixQuestions, median, SPEEDING_FRACTION, straightMatrix } from "./qa-metrics";

export interface QaFilter {
  from?: string | undefined;
  to?: string | undefined;
  survey?: string | undefined;
}

/** A visit farther than this from its community's centre is counted as `far` (a community is rarely wider). */
export const FAR_FROM_CENTRE_M = 1000;

/**
 * The interviewer QA table (issue 16 part 6): per interviewer, over the interview responses of a
 * unit's subtree and days, the median duration (completedAt − startedAt), the share of speeding
 * interviews (qa-metrics.ts), the share of straight-lined ones (the ingest's rule for questions
 * sharing one choice list, `straightlineMin` of them or more, and matrix rows alike), and, where
 * the visit has a consented GPS fix and the unit a centre, the median distance from the centre
 * and how many were farther than FAR_FROM_CENTRE_M; plus the paradata's mean answer changes.
 * Reads raw responses: a door-to-door team's interviews are hundreds a day, not QR volumes.
 */
export async function interviewerQa(db: Database, registry: SurveyRegistry, scope: string, f: QaFilter, straightlineMin: number) {
  const where: SQL[] = [
    eq(responses.channel, "interview"),
    inArray(responses.unitCode, sql`(select ${unitClosure.descendant} from ${unitClosure} where ${unitClosure.ancestor} = ${scope})`),
  ];
  if (f.from) where.push(gte(responses.day, f.from));
  if (f.to) where.push(lte(responses.day, f.to));
  if (f.survey) where.push(eq(responses.surveyId, f.survey));
  const rows = await db
    .select({
      id: responses.id,
      surveyId: responses.surveyId,
      surveyVersion: responses.surveyVersion,
      interviewer: responses.interviewer,
      startedAt: responses.startedAt,
      completedAt: responses.completedAt,
      answers: responses.answers,
      lat: visits.latitude,
      lng: visits.longitude,
      centerLat: units.centerLat,
      centerLng: units.centerLng,
      changes: responseParadata.totalChanges,
    })
    .from(responses)
    .leftJoin(visits, eq(visits.responseId, responses.id))
    .leftJoin(units, eq(units.code, responses.unitCode))
    .leftJoin(responseParadata, eq(responseParadata.responseId, responses.id))
    .where(and(...where))
    .all();

  const duration = (r: (typeof rows)[number]) => Math.max(0, Date.parse(r.completedAt) - Date.parse(r.startedAt));
  const bySurvey = new Map<string, number[]>();
  for (const r of rows) bySurvey.set(r.surveyId, [...(bySurvey.get(r.surveyId) ?? []), duration(r)]);
  const surveyMedian = new Map([...bySurvey].map(([id, ds]) => [id, median(ds)]));

  // One definition (and its matrix questions) per version, not per interview.
  const versions = new Map<string, Promise<{ json: Record<string, unknown>; matrices: string[] } | undefined>>();
  const surveyOf = (id: string, version: number) => {
    const key = `${id}@${version}`;
    if (!versions.has(key)) {
      versions.set(
        key,
        registry.get(id, version).then((s) => (s ? { json: s.json, matrices: matrixQuestions(s.json) } : undefined)),
      );
    }
    return versions.get(key)!;
  };

  interface Acc {
    durations: number[];
    speeding: number;
    straight: number;
    distances: number[];
    far: number;
    withParadata: number;
    changes: number;
  }
  const acc = new Map<string, Acc>();
  for (const r of rows) {
    const who = r.interviewer ?? "";
    const a = acc.get(who) ?? { durations: [], speeding: 0, straight: 0, distances: [], far: 0, withParadata: 0, changes: 0 };
    acc.set(who, a);
    const d = duration(r);
    a.durations.push(d);
    if (isSpeeding(d, surveyMedian.get(r.surveyId) ?? null)) a.speeding++;
    const survey = straightlineMin > 0 ? await surveyOf(r.surveyId, r.surveyVersion) : undefined;
    if (survey) {
      const answers = JSON.parse(r.answers) as Record<string, unknown>;
      const grouped = qualityFlags(survey.json, answers, r, { minSecondsPerAnswer: 0, straightlineMin }).includes("straight_line");
      if (grouped || straightMatrix(answers, survey.matrices, straightlineMin)) a.straight++;
    }
    if (r.lat != null && r.lng != null && r.centerLat != null && r.centerLng != null) {
      const m = distanceM({ lat: r.lat, lng: r.lng }, { lat: r.centerLat, lng: r.centerLng });
      a.distances.push(m);
      if (m > FAR_FROM_CENTRE_M) a.far++;
    }
    if (r.changes != null) {
      a.withParadata++;
      a.changes += r.changes;
    }
  }
  const interviewers = [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([interviewer, a]) => {
      const n = a.durations.length;
      const med = median(a.distances);
      return {
        interviewer,
        interviews: n,
        medianDurationMs: median(a.durations),
        speeding: a.speeding,
        speedingShare: a.speeding / n,
        straightLined: a.straight,
        straightLiningShare: a.straight / n,
        withDistance: a.distances.length,
        medianDistanceM: med === null ? null : Math.round(med),
        farFromCentre: a.far,
        withParadata: a.withParadata,
        meanAnswerChanges: a.withParadata > 0 ? a.changes / a.withParadata : null,
      };
    });
  return {
    rule: { speedingFraction: SPEEDING_FRACTION, straightlineMin, farFromCentreM: FAR_FROM_CENTRE_M },
    surveys: [...surveyMedian].map(([surveyId, medianDurationMs]) => ({
      surveyId,
      interviews: bySurvey.get(surveyId)!.length,
      medianDurationMs,
    })),
    interviewers,
  };
}
