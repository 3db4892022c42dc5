import { and, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { issueItems, responseComments, responses, unitClosure } from "../../db/schema";
import { maskText } from "../privacy/mask";
import { Refusal } from "../refusal";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { decodeCursor, encodeCursor } from "./cursor";
import { unitNamePaths } from "./unit-paths";

export interface CommentSearch {
  /** Checked to lie in the caller's scope by the route: only its subtree is read. */
  unit: string;
  survey?: string;
  question?: string;
  channel?: "qr" | "interview";
  from?: string;
  to?: string;
  q?: string;
  includeFlagged: boolean;
  cursor?: string;
  limit: number;
}

type SortKey = [completedAt: string, responseId: string, question: string];
const isSortKey = (k: unknown): k is SortKey => Array.isArray(k) && k.length === 3 && k.every((v) => typeof v === "string");

/** Seven digits in a row (spaces and hyphens aside): part of a phone or identity number, not a word. */
const looksLikeNumberProbe = (q: string) => /\d{7,}/.test(q.replace(/[\s-]/g, ""));

/** `%`, `_` and the escape itself taken literally: a search for "100%" finds "100%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * The open-text answers (意见建议) in a unit's subtree, newest first, from response_comments:
 * the subtree's units by the (unit, completed_at) index, the response by its primary key for the
 * channel and the flagged state (a review changes it there). Keyset paging on (completedAt,
 * response id, question), so every page is an index range. Each comment lists the 问题清单 items
 * already made from it.
 *
 * @example await searchComments(db, registry, { unit: "500104001000", q: "垃圾", includeFlagged: false, limit: 50 });
 */
export async function searchComments(db: Database, registry: SurveyRegistry, query: CommentSearch, access: { reveal: boolean }) {
  if (!access.reveal && query.q && looksLikeNumberProbe(query.q)) {
    // A search on the raw text would confirm a masked phone or identity number digit by digit.
    throw new Refusal("forbidden", "personal_data_required", "按电话号码或证件号码搜索需要个人信息查看权限");
  }
  const c = responseComments;
  const where: SQL[] = [
    inArray(c.unitCode, db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.unit))),
  ];
  if (query.survey) where.push(eq(c.surveyId, query.survey));
  if (query.question) where.push(eq(c.question, query.question));
  if (query.from) where.push(gte(c.day, query.from));
  if (query.to) where.push(lte(c.day, query.to));
  if (query.channel) where.push(eq(responses.channel, query.channel));
  if (!query.includeFlagged) where.push(eq(responses.flagged, false));
  if (query.q) where.push(sql`${c.text} like ${likePattern(query.q)} escape '\\'`);
  if (query.cursor) {
    const [at, id, question] = decodeCursor(query.cursor, isSortKey);
    where.push(sql`(${c.completedAt}, ${c.responseId}, ${c.question}) < (${at}, ${id}, ${question})`);
  }
  const rows = await db
    .select({
      responseId: c.responseId,
      question: c.question,
      unitCode: c.unitCode,
      surveyId: c.surveyId,
      surveyVersion: c.surveyVersion,
      day: c.day,
      completedAt: c.completedAt,
      text: c.text,
      channel: responses.channel,
      flagged: responses.flagged,
    })
    .from(c)
    .innerJoin(responses, eq(responses.id, c.responseId))
    .where(and(...where))
    .orderBy(desc(c.completedAt), desc(c.responseId), desc(c.question))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.completedAt, last.responseId, last.question]) : null;

  const paths = await unitNamePaths(
    db,
    page.map((r) => r.unitCode),
  );
  const madeInto = await issuesFromComments(
    db,
    page.map((r) => r.responseId),
  );
  const comments = [];
  for (const r of page) {
    const survey = await registry.get(r.surveyId, r.surveyVersion);
    const title = survey?.commentQuestions.find((q) => q.name === r.question)?.title ?? r.question;
    const path = paths.get(r.unitCode) ?? [];
    comments.push({
      responseId: r.responseId,
      unit: { code: r.unitCode, name: path.at(-1) ?? r.unitCode, path },
      survey: { id: r.surveyId, version: r.surveyVersion, title: survey?.title ?? r.surveyId },
      question: { name: r.question, title },
      text: access.reveal ? r.text : maskText(r.text),
      completedAt: r.completedAt,
      day: r.day,
      channel: r.channel,
      flagged: r.flagged,
      issueIds: madeInto.get(`${r.responseId}|${r.question}`) ?? [],
    });
  }
  return { comments, nextCursor, masked: !access.reveal };
}

/** The 问题清单 items made from the comments of these responses, keyed `responseId|question`. */
async function issuesFromComments(db: Database, responseIds: readonly string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (responseIds.length === 0) return out;
  const rows = await db
    .select({ id: issueItems.id, responseId: issueItems.sourceResponseId, question: issueItems.sourceQuestion })
    .from(issueItems)
    .where(inArray(issueItems.sourceResponseId, [...new Set(responseIds)]))
    .orderBy(issueItems.id);
  for (const row of rows) {
    const key = `${row.responseId}|${row.question}`;
    out.set(key, [...(out.get(key) ?? []), row.id]);
  }
  return out;
}
