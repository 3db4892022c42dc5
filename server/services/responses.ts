import type { SubmitResponse } from "../contracts/responses";
import type { Database } from "../db/client";
import { ApiError } from "../errors";
import { canonicalJson } from "../lib/canonical-json";
import { sha256Hex } from "../lib/crypto";
import { shanghaiDay } from "../lib/shanghai-day";
import { AUDIENCE_UNIT_HINT, audienceFitsUnit } from "./audience";
import type { NewResponse } from "./response-writer";
import type { SurveyRegistry } from "./survey-registry";
import { getUnit, isWithinScope, LEAF_KINDS, type UnitKind } from "./units";
import type { User } from "./users";

/** How far ahead of the server a device clock may be before its completedAt is refused. */
const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

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
  if (!unitCode) throw new ApiError(422, "unit_required", "入户访问必须指明社区或学校 (unitCode)");
  const unit = await getUnit(db, unitCode);
  if (!unit || !LEAF_KINDS.includes(unit.kind)) {
    throw new ApiError(422, "unknown_unit", `单位 ${unitCode} 不是可填报的社区或学校`);
  }
  if (!(await isWithinScope(db, user.scope, unitCode))) {
    throw new ApiError(422, "unit_out_of_scope", `单位 ${unitCode} 不在您的负责范围内`);
  }
  return { unitCode, unitKind: unit.kind, posterId: null, interviewer: user.username };
}

/**
 * Everything about a submission that does not need the writer: the survey version exists and
 * fits the unit, times make sense, and the answers pass the survey's own rules. Returns the row
 * to write, or throws the 422 that explains why not.
 */
export async function prepareResponse(
  db: Database,
  registry: SurveyRegistry,
  body: SubmitResponse,
  origin: ResponseOrigin,
  context: { now: Date; sourceHash: string; flagReasons: string[] },
): Promise<NewResponse> {
  const survey = await registry.get(body.surveyId, body.surveyVersion);
  if (!survey) {
    throw new ApiError(422, "unknown_survey", `问卷 ${body.surveyId} 第 ${body.surveyVersion} 版不存在`);
  }
  if (!audienceFitsUnit(survey.audience, origin.unitKind)) {
    throw new ApiError(422, "audience_mismatch", AUDIENCE_UNIT_HINT[survey.audience] ?? "问卷与单位类型不匹配");
  }
  const started = Date.parse(body.startedAt);
  const completed = Date.parse(body.completedAt);
  if (completed < started) throw new ApiError(422, "invalid_times", "完成时间早于开始时间");
  if (completed - context.now.getTime() > MAX_CLOCK_AHEAD_MS) {
    throw new ApiError(422, "invalid_times", "完成时间晚于当前时间，请检查设备时钟");
  }

  const issues = survey.validate(body.answers);
  if (issues.length > 0) throw new ApiError(422, "invalid_response", "答案未通过问卷校验", issues);

  const answers = canonicalJson(body.answers);
  const contentHash = await sha256Hex(contentHashInput({ ...body, unitCode: origin.unitCode }, answers));
  return {
    id: body.id.toLowerCase(),
    surveyId: body.surveyId,
    surveyVersion: body.surveyVersion,
    unitCode: origin.unitCode,
    channel: body.channel,
    answers,
    answerValues: body.answers,
    startedAt: new Date(started).toISOString(),
    completedAt: new Date(completed).toISOString(),
    day: shanghaiDay(new Date(completed)),
    receivedAt: context.now.toISOString(),
    deviceId: body.deviceId,
    interviewer: origin.interviewer,
    posterId: origin.posterId,
    sourceHash: context.sourceHash,
    contentHash,
    flagReasons: context.flagReasons,
    metricQuestions: survey.metricQuestions,
  };
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
