import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "../../db/client";
import {
  auditLog,
  devices,
  issueItems,
  loginKnownSources,
  responseComments,
  responses,
  surveyVersions,
  unitClosure,
  units,
  users,
  visits,
  webhookDeliveries,
  webhookSubscriptions,
} from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { chunk } from "../../lib/chunk";
import { normalizeDeviceId } from "../../lib/device-id";
import { loginSources } from "../auth/login-sources";
import { extractCommentQuestions } from "../comments/comment-questions";

type Db = Database | DrizzleTx;

/** One data subject request, already checked: `unit` (when given) lies inside `scope`. */
export interface SubjectRequest {
  scope: string;
  deviceId?: string;
  household?: string;
  unit?: string;
}

export type SubjectKind = "device" | "household";

export interface SubjectResponse {
  id: string;
  unitCode: string;
  surveyId: string;
  surveyVersion: number;
  channel: "qr" | "interview";
  answers: Record<string, unknown>;
  completedAt: string;
  day: string;
  deviceId: string;
  interviewer: string | null;
  flagged: boolean;
  contentHash: string;
  /** The answers' free-text keys (open-text questions and "other" texts) that hold words. */
  freeTextKeys: string[];
}

/** Everything stored that a device id or household label leads to, inside the request's area. */
export interface SubjectRecords {
  kind: SubjectKind;
  /** The unit whose subtree was searched: the request's unit, or the admin's scope. */
  area: string;
  responses: SubjectResponse[];
  visits: (typeof visits.$inferSelect)[];
  devices: (typeof devices.$inferSelect)[];
  comments: { responseId: string; question: string; text: string }[];
  /** Sign-ins remembered from this device (stored as a keyed hash, found by hashing the id given). */
  loginSources: { username: string; source: string; lastSuccessAt: string }[];
  /**
   * Records that mention the id or label but are kept as they are: the audit log is append-only,
   * a sent webhook message is the record of what left the system, and 问题清单 items are staff's
   * own work (made from a comment). Counted so the admin knows of them.
   */
  retained: { auditEntries: number; webhookDeliveries: number; issueItems: number };
}

const subtree = (db: Db, code: string) =>
  db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, code));

/** The stored forms a typed device id can have: responses store it normalised, visits and heartbeats as sent (trimmed). */
export function deviceCandidates(raw: string): string[] {
  return [...new Set([raw.trim(), normalizeDeviceId(raw)])].filter((d) => d !== "");
}

/**
 * A device column matching the typed id: as stored, or in the normalised form responses use
 * (visits and heartbeats keep the id as the tablet sent it, so `Tablet-9` and `tablet-9` are one device).
 */
const sameDevice = (column: AnySQLiteColumn, candidates: string[]) =>
  or(inArray(column, candidates), sql`lower(trim(${column})) = ${candidates.at(-1)!}`)!;

/** The free-text keys of one response's answers that hold words: open-text questions and SurveyJS "other" texts (`<q>-Comment`). */
export function freeTextKeys(openQuestions: ReadonlySet<string>, answers: Record<string, unknown>): string[] {
  return Object.keys(answers).filter((key) => {
    const value = answers[key];
    return typeof value === "string" && value.trim() !== "" && (openQuestions.has(key) || key.endsWith("-Comment"));
  });
}

/** The open-text question names of each survey version in `pairs`, read from the stored JSON (in the caller's transaction). */
async function openQuestionsByVersion(db: Db, pairs: { surveyId: string; surveyVersion: number }[]) {
  const out = new Map<string, Set<string>>();
  const wanted = [...new Set(pairs.map((p) => `${p.surveyId}\n${p.surveyVersion}`))];
  for (const key of wanted) {
    const [surveyId, version] = key.split("\n") as [string, string];
    const row = await db
      .select({ json: surveyVersions.json })
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, Number(version))))
      .get();
    const names = row ? extractCommentQuestions(JSON.parse(row.json) as Record<string, unknown>).map((q) => q.name) : [];
    out.set(key, new Set(names));
  }
  return out;
}

/**
 * Finds everything linked to one device id (its responses, its visits, its heartbeats, the
 * comments of those responses, the sign-ins remembered from it) or one household label (its
 * visits, exact, and the responses those visits produced with their comments), inside the
 * request's area only: an admin of another district finds nothing here. Reads only, so it runs
 * on the database for a summary and on the write transaction for an export or an anonymisation.
 *
 * What cannot be found: client addresses are stored only as keyed hashes (responses.source_hash,
 * sign-in addresses, login attempts), and neither a device id nor a household label leads to them.
 *
 * @example await findSubject(db, secret, { scope: "500104000000", household: "3栋2单元401", unit: "500104001001" })
 */
export async function findSubject(db: Db, secret: string, request: SubjectRequest): Promise<SubjectRecords> {
  const area = request.unit ?? request.scope;
  const kind: SubjectKind = request.deviceId !== undefined ? "device" : "household";
  const inArea = subtree(db, area);
  const candidates = request.deviceId !== undefined ? deviceCandidates(request.deviceId) : [];
  const needle = request.deviceId?.trim() ?? request.household!.trim();

  const visitRows = await db
    .select()
    .from(visits)
    .where(
      and(
        inArray(visits.unitCode, inArea),
        kind === "device" ? sameDevice(visits.deviceId, candidates) : eq(visits.household, request.household!.trim()),
      ),
    )
    .orderBy(visits.visitedAt, visits.id);

  let responseWhere: SQL | undefined;
  if (kind === "device") responseWhere = inArray(responses.deviceId, candidates);
  else {
    const linked = [...new Set(visitRows.map((v) => v.responseId).filter((id): id is string => id !== null))];
    responseWhere = linked.length ? inArray(responses.id, linked) : undefined;
  }
  const responseRows = responseWhere
    ? await db
        .select({
          id: responses.id,
          unitCode: responses.unitCode,
          surveyId: responses.surveyId,
          surveyVersion: responses.surveyVersion,
          channel: responses.channel,
          answers: responses.answers,
          completedAt: responses.completedAt,
          day: responses.day,
          deviceId: responses.deviceId,
          interviewer: responses.interviewer,
          flagged: responses.flagged,
          contentHash: responses.contentHash,
        })
        .from(responses)
        .where(and(inArray(responses.unitCode, inArea), responseWhere))
        .orderBy(responses.completedAt, responses.id)
    : [];
  const open = await openQuestionsByVersion(db, responseRows);
  const found: SubjectResponse[] = responseRows.map((r) => {
    const answers = JSON.parse(r.answers) as Record<string, unknown>;
    return { ...r, answers, freeTextKeys: freeTextKeys(open.get(`${r.surveyId}\n${r.surveyVersion}`) ?? new Set(), answers) };
  });

  const ids = found.map((r) => r.id);
  const comments: SubjectRecords["comments"] = [];
  for (const part of chunk(ids, 500)) {
    comments.push(
      ...(await db
        .select({ responseId: responseComments.responseId, question: responseComments.question, text: responseComments.text })
        .from(responseComments)
        .where(inArray(responseComments.responseId, part))
        .orderBy(responseComments.responseId, responseComments.question)),
    );
  }

  // Heartbeats and remembered sign-ins belong to users; those whose scope lies in the area.
  const areaUsers = db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.scope, subtree(db, area)));
  const deviceRows =
    kind === "device"
      ? await db
          .select()
          .from(devices)
          .where(and(sameDevice(devices.deviceId, candidates), inArray(devices.username, areaUsers)))
          .orderBy(devices.username)
      : [];
  const sourceHashes = kind === "device" ? await Promise.all(candidates.map(async (d) => (await loginSources(secret, "", d)).device!)) : [];
  const sourceRows = sourceHashes.length
    ? await db
        .select()
        .from(loginKnownSources)
        .where(and(inArray(loginKnownSources.source, sourceHashes), inArray(loginKnownSources.username, areaUsers)))
        .orderBy(loginKnownSources.username)
    : [];

  return {
    kind,
    area,
    responses: found,
    visits: visitRows,
    devices: deviceRows,
    comments,
    loginSources: sourceRows,
    retained: await retainedMentions(db, area, needle, ids),
  };
}

/** Counts of kept records that mention the value (see SubjectRecords.retained), inside the area. */
async function retainedMentions(db: Db, area: string, needle: string, responseIds: string[]) {
  const areaRow = await db.select({ parent: units.parentCode }).from(units).where(eq(units.code, area)).get();
  const inArea = inArray(auditLog.scopeUnit, subtree(db, area));
  // As the audit log's own reader: city-wide entries (no unit) belong to the root's admins only.
  const auditScope = areaRow?.parent === null ? or(inArea, isNull(auditLog.scopeUnit))! : inArea;
  const mentions = (column: AnySQLiteColumn) => sql`instr(coalesce(${column}, ''), ${needle}) > 0`;
  const audit = await db
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .where(and(auditScope, or(mentions(auditLog.after), mentions(auditLog.before), mentions(auditLog.target))))
    .get();
  const webhook = await db
    .select({ n: sql<number>`count(*)` })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(and(inArray(webhookSubscriptions.unitCode, subtree(db, area)), sql`instr(${webhookDeliveries.body}, ${needle}) > 0`))
    .get();
  let issues = 0;
  for (const part of chunk(responseIds, 500)) {
    const row = await db.select({ n: sql<number>`count(*)` }).from(issueItems).where(inArray(issueItems.sourceResponseId, part)).get();
    issues += Number(row?.n ?? 0);
  }
  return { auditEntries: Number(audit?.n ?? 0), webhookDeliveries: Number(webhook?.n ?? 0), issueItems: issues };
}
