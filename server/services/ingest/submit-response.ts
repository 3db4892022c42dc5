import type { Config } from "../../config";
import type { SubmitResponse } from "../../contracts/responses";
import type { Database } from "../../db/client";
import { isStorageUnavailableError } from "../../db/storage-errors";
import type { Clock } from "../../lib/clock";
import type { User } from "../auth/users";
import type { PosterResolver } from "../posters/poster-resolver";
import { assertPosterOpen } from "../posters/poster-status";
import { assertSurveyInUse } from "../surveys/survey-retirement";
import { forbidden, invalid, Refusal, tooMany, unauthorized } from "../refusal";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { prepareResponse, resolveInterviewOrigin, type ResponseOrigin } from "./prepare-response";
import type { QrGuard, QrSlot } from "./qr-guard";
import { qualityFlags } from "./quality-flags";
import type { ResponseWriter } from "./response-writer";

/** What a submission needs from the app (the app's own services, app-env.ts). */
export interface SubmitDeps {
  db: Database;
  registry: SurveyRegistry;
  writer: ResponseWriter;
  qrGuard: QrGuard;
  posters: PosterResolver;
  sourceHasher: (address: string) => Promise<string>;
  clock: Clock;
  config: Config;
}

/** Who sent it: the signed-in user (interviews) and the client's address (burst count, source hash). */
export interface Submitter {
  user: User | undefined;
  address: string;
}

/** `accepted`: stored now; `duplicate`: the same response was stored before; `conflict`: the id holds another one. */
export interface SubmitOutcome {
  id: string;
  status: "accepted" | "duplicate" | "conflict";
}

/**
 * One submission from "where does it belong" to the committed write (docs/design.md §2): a QR
 * response belongs to its poster's unit (the poster must take answers now, and survey and unit
 * must match it), an interview to a leaf unit in the interviewer's scope. Refusals are thrown as
 * `Refusal`s; a write the storage refuses is `unavailable` (503), any other writer failure (its
 * own consistency check included) is a fault and propagates as one.
 *
 * @example const { id, status } = await submitResponse(deps, body, { user, address });
 */
export async function submitResponse(deps: SubmitDeps, body: SubmitResponse, from: Submitter): Promise<SubmitOutcome> {
  const { db, registry, writer, qrGuard, posters, sourceHasher, clock, config } = deps;
  const flagReasons: string[] = [];
  let origin: ResponseOrigin;
  // A QR submission's place in its address's burst count, given back unless it is stored.
  let burstSlot: QrSlot | undefined;

  if (body.channel === "qr") {
    if (!body.token) throw invalid("token_required", "扫码填写必须带有海报令牌 (token)");
    const resolved = await posters.resolve(body.token);
    if (!resolved) throw invalid("invalid_token", "二维码无效");
    assertPosterOpen(resolved.poster, clock.now()); // gone: revoked, or outside its collection window
    const { poster } = resolved;
    assertSurveyInUse(await registry.retiredAt(poster.surveyId)); // gone: its survey was retired (issue 17)
    if (poster.surveyId !== body.surveyId) throw invalid("survey_mismatch", "问卷与二维码不符");
    if (body.unitCode && body.unitCode !== poster.unitCode) throw invalid("unit_mismatch", "单位与二维码不符");
    burstSlot = qrGuard.reserve(from.address);
    if (burstSlot.verdict === "block") throw tooMany("rate_limited", "提交过于频繁，请稍后再试");
    if (burstSlot.verdict === "flag") flagReasons.push("burst");
    origin = { unitCode: poster.unitCode, unitKind: resolved.unitKind, posterId: poster.id, interviewer: null };
  } else {
    const { user } = from;
    if (!user) throw unauthorized();
    if (user.role !== "interviewer" && user.role !== "admin") throw forbidden("只有调查员可以提交入户问卷");
    origin = await resolveInterviewOrigin(db, user, body.unitCode);
  }

  let stored = false;
  try {
    // The one read of the version: prepareResponse checks it and the quality flags read its pages.
    const survey = await registry.get(body.surveyId, body.surveyVersion);
    const row = await prepareResponse(survey, body, origin, {
      now: clock.now(),
      sourceHash: await sourceHasher(from.address),
      flagReasons,
      clockLimits: config,
    });

    // Quality flags on self-filled answers (issue 5): too fast, straight-lining. Interviews are
    // entered by trained staff on shared tablets and are not judged this way.
    if (body.channel === "qr" && survey) {
      const { QR_MIN_SECONDS_PER_ANSWER, QR_STRAIGHTLINE_MIN } = config;
      row.flagReasons.push(
        ...qualityFlags(survey.json, body.answers, body, {
          minSecondsPerAnswer: QR_MIN_SECONDS_PER_ANSWER,
          straightlineMin: QR_STRAIGHTLINE_MIN,
        }),
      );
    }
    const outcome = await write(writer, row);
    stored = outcome.status === "accepted";
    return { id: row.id, status: outcome.status };
  } finally {
    if (!stored) burstSlot?.release();
  }
}

/**
 * Only a storage that cannot take the write (full, read-only, unreachable, still busy after the
 * writer's retries) is `unavailable`: the client keeps the answers and tries later. Anything else,
 * e.g. the writer's own check that it inserted exactly the rows its reads promised, is a fault
 * of ours and goes to onError as one (500, logged with its stack), never dressed up as a 503.
 */
async function write(writer: ResponseWriter, row: Parameters<ResponseWriter["submit"]>[0]) {
  try {
    return await writer.submit(row);
  } catch (error) {
    if (!isStorageUnavailableError(error)) throw error;
    // A full disk or read-only file is an expected state with one line of log, not a stack each time.
    console.error("response write failed", error instanceof Error ? error.message : error);
    throw new Refusal("unavailable", "storage_unavailable", "暂时无法保存（写入已暂停），请稍后重试，答案不会丢失");
  }
}
