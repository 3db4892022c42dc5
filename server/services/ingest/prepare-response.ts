import type { SubmitResponse } from "../../contracts/responses";
import type { Database } from "../../db/client";
import { invalid } from "../refusal";
import { canonicalJson } from "../../lib/canonical-json";
import { sha256Hex } from "../../lib/crypto";
import { normalizeDeviceId } from "../../lib/device-id";
import { shanghaiDay } from "../../lib/shanghai-day";
import { AUDIENCE_UNIT_HINT, audienceFitsUnit } from "../surveys/audience";
import { deviceTimesBelievable, type ClockLimits } from "./response-clock";
import type { NewResponse } from "./response-writer";
import type { LoadedSurvey } from "../surveys/survey-registry";
import { getUnit, isWithinScope, LEAF_KINDS, type UnitKind } from "../units/units";
import type { User } from "../auth/users";

/** Where a response belongs once its channel's credentials have been checked. */
export interface ResponseOrigin {
  unitCode: string;
  /** Checked against the survey's audience (parents answer for schools). */
  unitKind: UnitKind;
  posterId: string | null;
  interviewer: string | null;
}

/**
 * Checks an interview's unit: it must be a leaf of the hierarchy inside the interviewer's scope.
 * Unknown units and units outside the scope are both 422, as the contract says.
 */
export async function resolveInterviewOrigin(db: Database, user: User, unitCode: string | undefined): Promise<ResponseOrigin> {
  if (!unitCode) throw invalid("unit_required", "入户访问必须指明社区或学校 (unitCode)");
  const unit = await getUnit(db, unitCode);
  if (!unit || !LEAF_KINDS.includes(unit.kind)) {
    throw invalid("unknown_unit", `单位 ${unitCode} 不是可填报的社区或学校`);
  }
  if (!(await isWithinScope(db, user.scope, unitCode))) {
    throw invalid("unit_out_of_scope", `单位 ${unitCode} 不在您的负责范围内`);
  }
  return { unitCode, unitKind: unit.kind, posterId: null, interviewer: user.username };
}

/**
 * Everything about a submission that does not need the writer: the survey version (as the
 * registry found it, or undefined) exists and fits the unit, times make sense, and the answers
 * pass the survey's own rules. Returns the row to write, or throws the refusal that explains why not.
 *
 * Device times that cannot be believed (response-clock.ts) are no reason to refuse: the response
 * is stored flagged `clock`, kept out of the rates, and keyed by the Shanghai day the server
 * received it, the only day known to be true.
 */
export async function prepareResponse(
  survey: LoadedSurvey | undefined,
  body: SubmitResponse,
  origin: ResponseOrigin,
  context: { now: Date; sourceHash: string; flagReasons: string[]; clockLimits: ClockLimits },
): Promise<NewResponse> {
  if (!survey) {
    throw invalid("unknown_survey", `问卷 ${body.surveyId} 第 ${body.surveyVersion} 版不存在`);
  }
  if (!audienceFitsUnit(survey.audience, origin.unitKind)) {
    throw invalid("audience_mismatch", AUDIENCE_UNIT_HINT[survey.audience] ?? "问卷与单位类型不匹配");
  }
  const started = Date.parse(body.startedAt);
  const completed = Date.parse(body.completedAt);
  if (!Number.isFinite(started) || !Number.isFinite(completed)) throw invalid("invalid_times", "时间无法识别");
  if (completed < started) throw invalid("invalid_times", "完成时间早于开始时间");

  const issues = survey.validate(body.answers);
  if (issues.length > 0) throw invalid("invalid_response", "答案未通过问卷校验", issues);

  const received = context.now.getTime();
  const believable = deviceTimesBelievable(
    body.channel,
    { started, completed },
    { receivedAt: received, publishedAt: survey.publishedAt },
    context.clockLimits,
  );
  const flagReasons = believable ? context.flagReasons : [...context.flagReasons, "clock"];
  const answers = canonicalJson(body.answers);
  const fields = {
    surveyId: body.surveyId,
    surveyVersion: body.surveyVersion,
    channel: body.channel,
    unitCode: origin.unitCode,
    startedAt: new Date(started).toISOString(),
    completedAt: new Date(completed).toISOString(),
    deviceId: normalizeDeviceId(body.deviceId),
  };
  const hashes = await contentHashes(fields, { ...body, unitCode: origin.unitCode }, answers);
  return {
    id: body.id.toLowerCase(),
    answers,
    answerValues: body.answers,
    ...fields,
    day: shanghaiDay(new Date(believable ? completed : received)),
    receivedAt: context.now.toISOString(),
    interviewer: origin.interviewer,
    posterId: origin.posterId,
    sourceHash: context.sourceHash,
    ...hashes,
    flagReasons,
    metricQuestions: survey.metricQuestions,
    commentQuestions: survey.commentQuestions,
    distributionQuestions: survey.distributionQuestions,
  };
}

type HashedFields = Pick<SubmitResponse, "surveyId" | "surveyVersion" | "channel" | "startedAt" | "completedAt" | "deviceId"> & {
  unitCode: string;
};

/**
 * The content hash is taken over the normalised fields (issue 11, hole 10): instants as
 * `Date#toISOString()` (UTC, milliseconds, `Z`) and the normalised device id, so a replay that
 * writes the same instant as `+00:00`, `+08:00` or without milliseconds is a duplicate, not a
 * conflict. A client that already sent that form (our pages and tablets do) hashes exactly as
 * before. Responses stored earlier were hashed over the fields as sent; when those differ, their
 * hash is computed too so a retry of such a response is still recognised as its duplicate.
 */
async function contentHashes(
  normalised: HashedFields,
  asSent: HashedFields,
  canonicalAnswers: string,
): Promise<{ contentHash: string; legacyContentHash?: string }> {
  const contentHash = await sha256Hex(contentHashInput(normalised, canonicalAnswers));
  const same = (["startedAt", "completedAt", "deviceId"] as const).every((k) => normalised[k] === asSent[k]);
  if (same) return { contentHash };
  return { contentHash, legacyContentHash: await sha256Hex(contentHashInput(asSent, canonicalAnswers)) };
}

/**
 * The canonical JSON of what a response says (its id and the server's own stamps left out): a
 * retry with the same content is a duplicate, anything else under the same id a conflict. Equal
 * to `canonicalJson` of the whole object; the answers, already canonical, are spliced in rather
 * than sorted a second time ("answers" sorts before every other key).
 */
export function contentHashInput(
  r: Pick<SubmitResponse, "surveyId" | "surveyVersion" | "channel" | "startedAt" | "completedAt" | "deviceId"> & { unitCode: string },
  canonicalAnswers: string,
): string {
  const rest = canonicalJson({
    surveyId: r.surveyId,
    surveyVersion: r.surveyVersion,
    channel: r.channel,
    unitCode: r.unitCode,
    startedAt: r.startedAt,
    completedAt: r.completedAt,
    deviceId: r.deviceId,
  });
  return `{"answers":${canonicalAnswers},${rest.slice(1)}`;
}
