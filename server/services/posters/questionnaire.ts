import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import { notFound } from "../refusal";
import { getLineage } from "../units/units";
import { addressName } from "../units/address-name";
import { readPrivacyNotice } from "../setup/privacy-notice";
import type { LoadedSurvey, SurveyRegistry } from "../surveys/survey-registry";
import { assertPosterOpen } from "./poster-status";
import { verifyPosterToken } from "./posters";
import { assertSurveyInUse, readRetiredAt } from "../surveys/survey-retirement";

export interface ScannedQuestionnaire {
  unit: { code: string; name: string; fullName: string };
  posterId: string;
  privacyNotice: { summary: string; full: string };
  survey: LoadedSurvey;
  /** The answer of GET /api/v1/q/:token, the stored survey JSON spliced in unparsed. */
  body: string;
}

/**
 * What a scanned poster shows: its unit, its survey's current version and the 个人信息处理告知,
 * read fresh on every scan. Refuses 404 for an unknown token and 410 for a revoked poster or one
 * outside its window. Both the API (GET /api/v1/q/:token) and the page itself (/q/:token, which
 * carries it inline) answer from here.
 */
export async function loadQuestionnaire(
  db: Database,
  deps: { secret: string; registry: SurveyRegistry; clock: Clock },
  token: string,
): Promise<ScannedQuestionnaire> {
  const poster = await verifyPosterToken(db, deps.secret, token);
  if (!poster) throw notFound("二维码");
  assertPosterOpen(poster, deps.clock.now());
  // Read fresh like the poster: a retired survey's posters answer as closed at once (issue 17).
  assertSurveyInUse(await readRetiredAt(db, poster.surveyId));
  const [lineage, survey, notice] = await Promise.all([
    getLineage(db, poster.unitCode),
    deps.registry.getCurrent(poster.surveyId),
    readPrivacyNotice(db),
  ]);
  const last = lineage.at(-1);
  if (!last || !survey) throw notFound("二维码");
  // The full name reads like an address: 大渡口区 新山村街道 民主社区 (services/units/address-name.ts).
  const unit = { code: last.code, name: last.name, fullName: addressName(lineage) };
  const privacyNotice = { summary: notice.respondentSummary, full: notice.respondentFull };
  const head = JSON.stringify({ unit, posterId: poster.id, privacyNotice });
  return { unit, posterId: poster.id, privacyNotice, survey, body: `${head.slice(0, -1)},"survey":${survey.body}}` };
}
