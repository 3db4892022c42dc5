import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { ISSUE_TRANSITIONS, type IssueCreate, type IssueStatus, type IssueUpdate } from "../../contracts/issue-list";
import type { Database } from "../../db/client";
import type { DrizzleTx } from "../../db/sql-executor";
import { issueItems, issueNotes, responseComments, responses, unitClosure } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import { auditInsert, commonAncestor } from "../admin/audit";
import type { User } from "../auth/users";
import { decodeCursor, encodeCursor } from "../comments/cursor";
import { unitNamePaths } from "../comments/unit-paths";
import { mayReveal } from "../privacy/access";
import { maskText } from "../privacy/mask";
import { forbidden, invalid, notFound } from "../refusal";
import { getUnit, isWithinScope } from "../units/units";

type ItemRow = typeof issueItems.$inferSelect;
type Reader = Database | DrizzleTx;

const OUT_OF_SCOPE = "该问题清单条目不在您的管辖范围内";

/**
 * An item as the API shows it: its unit's name path, its source comment's text (phone and
 * identity numbers masked unless the reader may see personal data, issue 19), its notes.
 */
async function itemViews(db: Reader, rows: ItemRow[], access: { reveal: boolean }) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [paths, notes, sources] = await Promise.all([
    unitNamePaths(
      db,
      rows.map((r) => r.unitCode),
    ),
    db.select().from(issueNotes).where(inArray(issueNotes.itemId, ids)).orderBy(asc(issueNotes.id)),
    sourceTexts(db, rows),
  ]);
  return rows.map((r) => {
    const path = paths.get(r.unitCode) ?? [];
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      source: r.sourceResponseId
        ? {
            responseId: r.sourceResponseId,
            question: r.sourceQuestion ?? "",
            text: sourceText(sources.get(`${r.sourceResponseId}|${r.sourceQuestion}`), access),
          }
        : null,
      unit: { code: r.unitCode, name: path.at(-1) ?? r.unitCode, path },
      status: r.status,
      dueDate: r.dueDate,
      resolvedAt: r.resolvedAt,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      notes: notes.filter((n) => n.itemId === r.id).map((n) => ({ id: n.id, at: n.at, author: n.author, text: n.text })),
    };
  });
}
export type IssueItemView = Awaited<ReturnType<typeof itemViews>>[number];

const sourceText = (text: string | undefined, access: { reveal: boolean }) =>
  text === undefined ? null : access.reveal ? text : maskText(text);

async function sourceTexts(db: Reader, rows: ItemRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.sourceResponseId ? [r.sourceResponseId] : [])))];
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ responseId: responseComments.responseId, question: responseComments.question, text: responseComments.text })
    .from(responseComments)
    .where(inArray(responseComments.responseId, ids));
  return new Map(found.map((c) => [`${c.responseId}|${c.question}`, c.text]));
}

/** The audited fields of an item (before / after of its audit entries). */
const auditState = (r: ItemRow) => ({
  title: r.title,
  description: r.description,
  unitCode: r.unitCode,
  status: r.status,
  dueDate: r.dueDate,
  source: r.sourceResponseId ? { responseId: r.sourceResponseId, question: r.sourceQuestion } : null,
});

/** A unit named in a body: 422 when it does not exist, 403 outside the caller's scope. */
async function assignableUnit(tx: DrizzleTx, user: User, code: string): Promise<void> {
  if (!(await getUnit(tx, code))) throw invalid("unknown_unit", `单位 ${code} 不存在`);
  if (!(await isWithinScope(tx, user.scope, code))) throw forbidden("只能把问题交办给管辖范围内的单位");
}

/**
 * Makes a 问题清单 item assigned to a unit in the creator's scope, from a comment in the scope or
 * from nothing, with its first note; the item and its audit entry in one transaction.
 */
export async function createIssue(db: Database, input: IssueCreate, user: User, now: Date): Promise<IssueItemView> {
  return writeTransaction(db, async (tx) => {
    await assignableUnit(tx, user, input.unitCode);
    if (input.source) {
      const response = await tx
        .select({ unitCode: responses.unitCode })
        .from(responses)
        .where(eq(responses.id, input.source.responseId))
        .get();
      const comment = await tx
        .select({ text: responseComments.text })
        .from(responseComments)
        .where(and(eq(responseComments.responseId, input.source.responseId), eq(responseComments.question, input.source.question)))
        .get();
      if (!response || !comment) throw invalid("unknown_comment", "找不到这条意见建议");
      if (!(await isWithinScope(tx, user.scope, response.unitCode))) throw forbidden("这条意见建议不在您的管辖范围内");
    }
    const at = now.toISOString();
    const row = await tx
      .insert(issueItems)
      .values({
        title: input.title,
        description: input.description || null,
        sourceResponseId: input.source?.responseId ?? null,
        sourceQuestion: input.source?.question ?? null,
        unitCode: input.unitCode,
        status: "open",
        dueDate: input.dueDate ?? null,
        createdAt: at,
        createdBy: user.username,
        updatedAt: at,
        updatedBy: user.username,
      })
      .returning()
      .get();
    if (input.note) await tx.insert(issueNotes).values({ itemId: row.id, at, author: user.username, text: input.note });
    await auditInsert(
      tx,
      {
        actor: user.username,
        action: "issues.create",
        target: String(row.id),
        after: { ...auditState(row), note: input.note ?? null },
        scopeUnit: row.unitCode,
      },
      now,
    );
    return (await itemViews(tx, [row], { reveal: mayReveal(user) }))[0]!;
  });
}

/** One item by id: 404 unknown, 403 unless the caller's scope holds its assigned unit. */
export async function getIssue(db: Database, id: number, user: User): Promise<IssueItemView> {
  const row = await db.select().from(issueItems).where(eq(issueItems.id, id)).get();
  if (!row) throw notFound("问题清单条目");
  if (!(await isWithinScope(db, user.scope, row.unitCode))) throw forbidden(OUT_OF_SCOPE);
  return (await itemViews(db, [row], { reveal: mayReveal(user) }))[0]!;
}

/** Items assigned inside `unit`'s subtree (checked in scope by the route), newest first, keyset paged by id. */
export async function listIssues(
  db: Database,
  query: { unit: string; status?: IssueStatus; cursor?: string; limit: number },
  access: { reveal: boolean },
) {
  const where: SQL[] = [
    inArray(issueItems.unitCode, db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.unit))),
  ];
  if (query.status) where.push(eq(issueItems.status, query.status));
  if (query.cursor) {
    const [before] = decodeCursor(query.cursor, (k): k is [number] => Array.isArray(k) && k.length === 1 && Number.isInteger(k[0]));
    where.push(lt(issueItems.id, before));
  }
  const rows = await db
    .select()
    .from(issueItems)
    .where(and(...where))
    .orderBy(desc(issueItems.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: await itemViews(db, page, access), nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
}

/**
 * Changes an item's status, due date, assignee, title or description and/or adds a note, by a
 * user whose scope holds its assigned unit (the office that made it, or the unit's own users);
 * a new assignee must lie in the caller's scope too. A status may move only as ISSUE_TRANSITIONS
 * allows. Checks, change, note and audit entry in one transaction: a refusal stores nothing.
 */
export async function updateIssue(db: Database, id: number, patch: IssueUpdate, user: User, now: Date): Promise<IssueItemView> {
  return writeTransaction(db, async (tx) => {
    const stored = await tx.select().from(issueItems).where(eq(issueItems.id, id)).get();
    if (!stored) throw notFound("问题清单条目");
    if (!(await isWithinScope(tx, user.scope, stored.unitCode))) throw forbidden(OUT_OF_SCOPE);
    const changes: Partial<ItemRow> = {};
    if (patch.unitCode !== undefined && patch.unitCode !== stored.unitCode) {
      await assignableUnit(tx, user, patch.unitCode);
      changes.unitCode = patch.unitCode;
    }
    if (patch.status !== undefined && patch.status !== stored.status) {
      if (!ISSUE_TRANSITIONS[stored.status].includes(patch.status)) {
        throw invalid("invalid_transition", `状态不能从「${STATUS_TEXT[stored.status]}」改为「${STATUS_TEXT[patch.status]}」`);
      }
      changes.status = patch.status;
      changes.resolvedAt = patch.status === "resolved" ? now.toISOString() : null;
    }
    if (patch.dueDate !== undefined && patch.dueDate !== stored.dueDate) changes.dueDate = patch.dueDate;
    if (patch.title !== undefined && patch.title !== stored.title) changes.title = patch.title;
    const description = patch.description === undefined ? undefined : patch.description || null;
    if (description !== undefined && description !== stored.description) changes.description = description;
    if (Object.keys(changes).length === 0 && !patch.note) throw invalid("no_change", "没有要修改的内容");

    const at = now.toISOString();
    const row = await tx
      .update(issueItems)
      .set({ ...changes, updatedAt: at, updatedBy: user.username })
      .where(eq(issueItems.id, id))
      .returning()
      .get();
    if (patch.note) await tx.insert(issueNotes).values({ itemId: id, at, author: user.username, text: patch.note });
    // A reassignment belongs to both sides' log: their nearest common ancestor.
    const scopeUnit = changes.unitCode ? await commonAncestor(tx, stored.unitCode, changes.unitCode) : stored.unitCode;
    await auditInsert(
      tx,
      {
        actor: user.username,
        action: "issues.update",
        target: String(id),
        before: auditState(stored),
        after: { ...auditState(row), note: patch.note ?? null },
        scopeUnit,
      },
      now,
    );
    return (await itemViews(tx, [row], { reveal: mayReveal(user) }))[0]!;
  });
}

/** Words for the statuses in refusals (the UI has its own in web/lib/i18n). */
const STATUS_TEXT: Record<IssueStatus, string> = { open: "待处理", forwarded: "已转办", resolved: "已整改" };

type Counts = { open: number; forwarded: number; resolved: number; unresolved: number };
const zero = (): Counts => ({ open: 0, forwarded: 0, resolved: 0, unresolved: 0 });

/**
 * Item counts by status for a unit's subtree and for each of its children's subtrees (the
 * dashboard's open items per unit, the 通报's "open 问题清单 items"): one grouped closure join.
 * `unresolved` = open + forwarded. Items assigned to the unit itself count in `total` only.
 */
export async function issueSummary(db: Database, unitCode: string) {
  const unit = await getUnit(db, unitCode);
  if (!unit) throw notFound("单位");
  const children = await db.query.units.findMany({ where: (u, { eq: equal }) => equal(u.parentCode, unitCode), orderBy: (u) => [u.code] });
  const rows = await db
    .select({ ancestor: unitClosure.ancestor, status: issueItems.status, n: sql<number>`count(*)` })
    .from(issueItems)
    .innerJoin(unitClosure, eq(unitClosure.descendant, issueItems.unitCode))
    .where(inArray(unitClosure.ancestor, [unitCode, ...children.map((c) => c.code)]))
    .groupBy(unitClosure.ancestor, issueItems.status);
  const counts = new Map<string, Counts>();
  for (const row of rows) {
    const c = counts.get(row.ancestor) ?? zero();
    c[row.status] += Number(row.n);
    if (row.status !== "resolved") c.unresolved += Number(row.n);
    counts.set(row.ancestor, c);
  }
  return {
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    total: counts.get(unit.code) ?? zero(),
    children: children.map((c) => ({ code: c.code, name: c.name, kind: c.kind, ...(counts.get(c.code) ?? zero()) })),
  };
}
