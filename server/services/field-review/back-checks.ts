import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, notInArray, sql, type SQL } from "drizzle-orm";
import type { BackCheckSubmit } from "../../contracts/field-review";
import type { Database } from "../../db/client";
import { auditLog, backChecks, interviewReviews, responses, unitClosure, units } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import { chunk } from "../../lib/chunk";
import { randomToken } from "../../lib/crypto";
import { auditInsert, auditRow } from "../admin/audit";
import { subtreeOf } from "../admin/flag-review";
import { conflict, forbidden, invalid, notFound } from "../refusal";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { agreementRate, backCheckQuestions, compareAnswers } from "./agreement";
import { drawBackChecks, drawRanks } from "./back-check-draw";
import { readFieldReviewSettings, writeFieldReviewSettings } from "./review-settings";
import { interviewVersions, loadDefinitions, reviewStatesOf, settleSides } from "./sides";

/** reviewed_by of the 存疑 marks low back-check agreement sets (the audit entry names the checker). */
export const BACK_CHECK_REVIEWER = "back-check";

interface DrawRequest {
  scope: string;
  unit: string;
  from?: string;
  to?: string;
  actor: string;
}

/**
 * Draws back-checks among the interviews of `unit`'s subtree (and days): per interviewer, up to
 * ⌈share × n⌉ of their n interviews there (returned ones left out: they are being redone), by
 * the keyed rank of back-check-draw.ts. One transaction with its audit entry; drawing again
 * without new interviews draws nothing.
 */
export async function drawForBackCheck(db: Database, input: DrawRequest, now: Date) {
  return writeTransaction(db, async (tx) => {
    let settings = await readFieldReviewSettings(tx);
    if (!settings.seed) {
      settings = { ...settings, seed: randomToken(16) };
      await writeFieldReviewSettings(tx, settings, now);
    }
    const where: SQL[] = [
      eq(responses.channel, "interview"),
      isNotNull(responses.interviewer),
      inArray(responses.unitCode, subtreeOf(tx as unknown as Database, input.unit)),
    ];
    if (input.from) where.push(gte(responses.day, input.from));
    if (input.to) where.push(lte(responses.day, input.to));
    const rows = await tx
      .select({
        id: responses.id,
        interviewer: responses.interviewer,
        unitCode: responses.unitCode,
        surveyId: responses.surveyId,
        drawn: backChecks.drawnAt,
      })
      .from(responses)
      .leftJoin(interviewReviews, eq(interviewReviews.responseId, responses.id))
      .leftJoin(backChecks, eq(backChecks.responseId, responses.id))
      .where(and(...where, sql`coalesce(${interviewReviews.state}, 'pending') <> 'returned'`));
    const ranks = await drawRanks(
      settings.seed!,
      rows.map((r) => r.id),
    );
    const drawn = drawBackChecks(
      rows.map((r) => ({ id: r.id, interviewer: r.interviewer!, rank: ranks.get(r.id)! })),
      new Set(rows.filter((r) => r.drawn !== null).map((r) => r.id)),
      settings.backCheckShare,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const values = drawn.map((id) => {
      const r = byId.get(id)!;
      return {
        responseId: id,
        unitCode: r.unitCode,
        interviewer: r.interviewer!,
        surveyId: r.surveyId,
        drawnAt: now.toISOString(),
        drawnBy: input.actor,
      };
    });
    for (const part of chunk(values, 200)) await tx.insert(backChecks).values(part).onConflictDoNothing();
    await auditInsert(
      tx,
      {
        actor: input.actor,
        action: "back_checks.draw",
        target: input.unit,
        scopeUnit: input.unit,
        after: {
          share: settings.backCheckShare,
          from: input.from ?? null,
          to: input.to ?? null,
          candidates: rows.length,
          drawn: drawn.length,
        },
      },
      now,
    );
    return { candidates: rows.length, drawn };
  });
}

/**
 * Back-checks inside `scope` (and `unit`), with the questions to re-ask (titles and choices from
 * the survey version), never the original answers: the checker asks blind. `mayCheck` is false
 * for the interviewer whose interview it is.
 */
export async function listBackChecks(
  db: Database,
  registry: SurveyRegistry,
  query: { scope: string; unit?: string; status: "open" | "done" | "any"; limit: number; offset: number; me: string },
) {
  const where: SQL[] = [inArray(backChecks.unitCode, subtreeOf(db, query.scope))];
  if (query.unit) where.push(inArray(backChecks.unitCode, subtreeOf(db, query.unit)));
  if (query.status === "open") where.push(isNull(backChecks.doneAt));
  if (query.status === "done") where.push(isNotNull(backChecks.doneAt));
  const rows = await db
    .select({
      id: backChecks.responseId,
      unitCode: backChecks.unitCode,
      unitName: units.name,
      interviewer: backChecks.interviewer,
      surveyId: backChecks.surveyId,
      surveyVersion: responses.surveyVersion,
      day: responses.day,
      answers: responses.answers,
      drawnAt: backChecks.drawnAt,
      checker: backChecks.checker,
      mode: backChecks.mode,
      matched: backChecks.matched,
      compared: backChecks.compared,
      doneAt: backChecks.doneAt,
    })
    .from(backChecks)
    .innerJoin(responses, eq(responses.id, backChecks.responseId))
    .innerJoin(units, eq(units.code, backChecks.unitCode))
    .where(and(...where))
    .orderBy(desc(backChecks.drawnAt), asc(backChecks.responseId))
    .limit(query.limit)
    .offset(query.offset);
  const out = [];
  for (const { answers, ...r } of rows) {
    const survey = await registry.get(r.surveyId, r.surveyVersion);
    const names = backCheckQuestions(survey?.metricQuestions.map((m) => m.name) ?? [], JSON.parse(answers));
    out.push({
      ...r,
      mayCheck: r.interviewer !== query.me && r.doneAt === null,
      questions: names.map((n) => questionView(survey?.json, n)),
    });
  }
  return out;
}

/** A question's title and choices as the checker reads them out. */
function questionView(json: Record<string, unknown> | undefined, name: string) {
  const el = findElement(json, name);
  const title = typeof el?.title === "string" ? el.title : name;
  if (el?.type === "boolean") {
    return {
      name,
      title,
      choices: [
        { value: true as unknown, text: "是" },
        { value: false as unknown, text: "否" },
      ],
    };
  }
  const raw = Array.isArray(el?.choices) ? (el.choices as unknown[]) : [];
  const choices = raw.map((c) =>
    typeof c === "object" && c !== null && "value" in c
      ? { value: (c as { value: unknown }).value, text: String((c as { text?: unknown }).text ?? (c as { value: unknown }).value) }
      : { value: c, text: String(c) },
  );
  return { name, title, choices };
}

function findElement(node: unknown, name: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = findElement(n, name);
      if (found) return found;
    }
  } else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.name === name && typeof o.type === "string") return o;
    for (const v of Object.values(o)) {
      const found = findElement(v, name);
      if (found) return found;
    }
  }
  return undefined;
}

interface SubmitRequest extends BackCheckSubmit {
  id: string;
  actor: string;
  scope: string;
}

/**
 * Records a back-check and compares it with the original. In one transaction: the check must
 * exist (404), lie in the caller's scope by its stored unit (403), not be the caller's own
 * interview (403) and not be done already (409); only the set questions may be answered (422).
 * Then the interviewer's agreement over all their finished checks is computed; below the
 * threshold (with at least minBackChecks checks) their other unreviewed interviews inside the
 * caller's scope become 存疑, their rollups move as the counted setting says, each audited.
 */
export async function submitBackCheck(db: Database, registry: SurveyRegistry, input: SubmitRequest, now: Date) {
  const id = input.id.toLowerCase();
  const definitions = await loadDefinitions(registry, await interviewVersions(db));
  return writeTransaction(db, async (tx) => {
    const check = await tx.select().from(backChecks).where(eq(backChecks.responseId, id)).get();
    if (!check) throw notFound("复核任务");
    const response = await tx.select().from(responses).where(eq(responses.id, id)).get();
    if (!response) throw notFound("访问答卷");
    if (!(await inScope(tx, input.scope, response.unitCode))) throw forbidden("无权复核该单位的访问");
    if (check.interviewer === input.actor) throw forbidden("不能复核自己的访问，请由其他组员复核");
    if (check.doneAt) throw conflict("already_done", "该复核已完成");
    const original = JSON.parse(response.answers) as Record<string, unknown>;
    const metricNames = definitions.get(`${response.surveyId}@${response.surveyVersion}`)?.metricQuestions.map((m) => m.name) ?? [];
    const questions = backCheckQuestions(metricNames, original);
    const unknown = Object.keys(input.answers).filter((k) => !questions.includes(k));
    if (unknown.length > 0) {
      throw invalid(
        "unknown_question",
        "只能填写复核题目",
        unknown.slice(0, 20).map((k) => ({ path: `answers.${k}`, message: "不是本次复核的题目" })),
      );
    }
    const { compared, matched } = compareAnswers(questions, original, input.answers);
    if (compared === 0) throw invalid("nothing_compared", "请至少记录一道复核题目的回答");
    const done = {
      checker: input.actor,
      mode: input.mode,
      answers: JSON.stringify(input.answers),
      note: input.note?.trim() || null,
      matched,
      compared,
      doneAt: now.toISOString(),
    };
    await tx.update(backChecks).set(done).where(eq(backChecks.responseId, id));
    await auditInsert(
      tx,
      {
        actor: input.actor,
        action: "back_checks.submit",
        target: id,
        scopeUnit: response.unitCode,
        after: { mode: input.mode, matched, compared },
      },
      now,
    );

    const settings = await readFieldReviewSettings(tx);
    const finished = await tx
      .select({ matched: backChecks.matched, compared: backChecks.compared })
      .from(backChecks)
      .where(and(eq(backChecks.interviewer, check.interviewer), isNotNull(backChecks.doneAt)));
    const rate = agreementRate(finished.map((f) => ({ matched: f.matched ?? 0, compared: f.compared ?? 0 })));
    let markedDoubtful = 0;
    if (rate !== null && finished.length >= settings.minBackChecks && rate < settings.agreementThreshold) {
      markedDoubtful = await markDoubtful(tx, check.interviewer, input, rate, settings, definitions, now);
    }
    return { id, ...done, interviewer: check.interviewer, agreement: rate, backChecks: finished.length, markedDoubtful };
  });
}

/** The interviewer's unreviewed interviews in the checker's scope (the back-checked ones aside) become 存疑, each audited. */
async function markDoubtful(
  tx: DrizzleTx,
  interviewer: string,
  input: SubmitRequest,
  rate: number,
  settings: { agreementThreshold: number; counted: Parameters<typeof settleSides>[3] },
  definitions: Parameters<typeof settleSides>[4],
  now: Date,
): Promise<number> {
  const checked = tx.select({ id: backChecks.responseId }).from(backChecks).where(isNotNull(backChecks.doneAt));
  const rows = await tx
    .select({ response: responses })
    .from(responses)
    .leftJoin(interviewReviews, eq(interviewReviews.responseId, responses.id))
    .where(
      and(
        eq(responses.channel, "interview"),
        eq(responses.interviewer, interviewer),
        isNull(interviewReviews.state),
        inArray(responses.unitCode, subtreeOf(tx as unknown as Database, input.scope)),
        notInArray(responses.id, checked),
      ),
    );
  if (rows.length === 0) return 0;
  const reason = `复核一致率 ${(rate * 100).toFixed(1)}% 低于 ${(settings.agreementThreshold * 100).toFixed(1)}%`;
  const list = rows.map((r) => r.response);
  for (const part of chunk(list, 200)) {
    await tx.insert(interviewReviews).values(
      part.map((r) => ({
        responseId: r.id,
        state: "doubtful" as const,
        reason,
        reviewedBy: BACK_CHECK_REVIEWER,
        reviewedAt: now.toISOString(),
        interviewer,
      })),
    );
  }
  const states = await reviewStatesOf(
    tx,
    list.map((r) => r.id),
  );
  const moved = new Set(await settleSides(tx, list, states, settings.counted, definitions));
  const entries = list.map((r) =>
    auditRow(
      {
        actor: input.actor,
        action: "interviews.review",
        target: r.id,
        scopeUnit: r.unitCode,
        before: { state: "pending", flagged: r.flagged },
        after: { state: "doubtful", reason, by: BACK_CHECK_REVIEWER, flagged: moved.has(r.id) ? !r.flagged : r.flagged },
      },
      now,
    ),
  );
  for (const part of chunk(entries, 100)) await tx.insert(auditLog).values(part);
  return list.length;
}

async function inScope(tx: DrizzleTx, scope: string, unit: string): Promise<boolean> {
  const row = await tx
    .select({ d: unitClosure.descendant })
    .from(unitClosure)
    .where(and(eq(unitClosure.ancestor, scope), eq(unitClosure.descendant, unit)))
    .get();
  return row !== undefined;
}

/** Agreement per interviewer inside `scope` (and `unit`): drawn, done, matched over compared, and whether it is below the threshold. */
export async function agreementByInterviewer(db: Database, query: { scope: string; unit?: string }) {
  const settings = await readFieldReviewSettings(db);
  const where: SQL[] = [inArray(backChecks.unitCode, subtreeOf(db, query.scope))];
  if (query.unit) where.push(inArray(backChecks.unitCode, subtreeOf(db, query.unit)));
  const rows = await db
    .select({
      interviewer: backChecks.interviewer,
      drawn: sql<number>`count(*)`,
      done: sql<number>`count(${backChecks.doneAt})`,
      matched: sql<number>`coalesce(sum(${backChecks.matched}), 0)`,
      compared: sql<number>`coalesce(sum(${backChecks.compared}), 0)`,
    })
    .from(backChecks)
    .where(and(...where, ne(backChecks.interviewer, "")))
    .groupBy(backChecks.interviewer)
    .orderBy(asc(backChecks.interviewer));
  return {
    threshold: settings.agreementThreshold,
    minBackChecks: settings.minBackChecks,
    interviewers: rows.map((r) => {
      const agreement = r.compared > 0 ? r.matched / r.compared : null;
      return { ...r, agreement, low: agreement !== null && r.done >= settings.minBackChecks && agreement < settings.agreementThreshold };
    }),
  };
}
