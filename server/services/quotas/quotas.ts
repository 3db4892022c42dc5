import { and, asc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { daysBetween, type QuotaListQuery, type QuotaSet } from "../../contracts/quotas";
import type { Database } from "../../db/client";
import type { DrizzleTx } from "../../db/sql-executor";
import { interviewerQuotas, surveyVersions, unitClosure, users } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import { auditInsert } from "../admin/audit";
import type { User } from "../auth/users";
import { forbidden, invalid, notFound } from "../refusal";
import { getUnit, isWithinScope, LEAF_KINDS } from "../units/units";

type QuotaRow = typeof interviewerQuotas.$inferSelect;

export const quotaView = (r: QuotaRow) => ({
  id: r.id,
  unitCode: r.unitCode,
  surveyId: r.surveyId,
  day: r.day,
  interviewer: r.interviewer,
  target: r.target,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});
export type QuotaView = ReturnType<typeof quotaView>;

/** Every day from `from` to `to` inclusive, as YYYY-MM-DD. */
export function dayList(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: daysBetween(from, to) }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * What a quota names must make sense before anything is written: a leaf unit in the caller's
 * scope (403 outside), a published questionnaire for that unit's audience (parents at schools,
 * residents and shopkeepers in communities, as the tablet offers them) and an active interviewer
 * whose own scope holds the unit (otherwise they could never submit there).
 */
async function checkTarget(tx: DrizzleTx, user: User, input: Pick<QuotaSet, "unitCode" | "surveyId" | "interviewer">) {
  const unit = await getUnit(tx, input.unitCode);
  if (!unit) throw invalid("unknown_unit", `单位 ${input.unitCode} 不存在`);
  if (!(await isWithinScope(tx, user.scope, unit.code))) throw forbidden("只能为管辖范围内的单位设置任务");
  if (!LEAF_KINDS.includes(unit.kind)) throw invalid("not_leaf", "任务只能设到社区或学校");
  const survey = await tx
    .select({ audience: surveyVersions.audience })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, input.surveyId))
    .limit(1)
    .get();
  if (!survey) throw invalid("unknown_survey", `问卷 ${input.surveyId} 不存在`);
  if ((unit.kind === "school") !== (survey.audience === "parent")) throw invalid("survey_mismatch", "该问卷不适用于这个单位");
  const interviewer = await tx.select().from(users).where(eq(users.username, input.interviewer)).get();
  if (interviewer?.role !== "interviewer" || interviewer.disabled) {
    throw invalid("unknown_interviewer", `调查员 ${input.interviewer} 不存在或已停用`);
  }
  if (!(await isWithinScope(tx, interviewer.scope, unit.code))) throw invalid("interviewer_out_of_scope", "该调查员的管辖范围不含这个单位");
}

/**
 * Sets (or with `target: null` removes) the target of one interviewer, unit and questionnaire on
 * every day of a range, in one audited transaction (quotas.set): one entry for the range, with
 * the targets before and after per day. The stored rows have the same unit as the new ones, so
 * the one scope check covers both states.
 */
export async function setQuotas(db: Database, input: QuotaSet, user: User, now: Date) {
  return writeTransaction(db, async (tx) => {
    await checkTarget(tx, user, input);
    const key = and(
      eq(interviewerQuotas.unitCode, input.unitCode),
      eq(interviewerQuotas.surveyId, input.surveyId),
      eq(interviewerQuotas.interviewer, input.interviewer),
      gte(interviewerQuotas.day, input.from),
      lte(interviewerQuotas.day, input.to),
    );
    const before = await tx.select().from(interviewerQuotas).where(key).orderBy(asc(interviewerQuotas.day)).all();
    const at = now.toISOString();
    if (input.target === null) {
      await tx.delete(interviewerQuotas).where(key);
    } else {
      const rows = dayList(input.from, input.to).map((day) => ({
        unitCode: input.unitCode,
        surveyId: input.surveyId,
        interviewer: input.interviewer,
        day,
        target: input.target as number,
        updatedAt: at,
        updatedBy: user.username,
      }));
      await tx
        .insert(interviewerQuotas)
        .values(rows)
        .onConflictDoUpdate({
          target: [interviewerQuotas.unitCode, interviewerQuotas.surveyId, interviewerQuotas.day, interviewerQuotas.interviewer],
          set: { target: input.target, updatedAt: at, updatedBy: user.username },
        });
    }
    const after = await tx.select().from(interviewerQuotas).where(key).orderBy(asc(interviewerQuotas.day)).all();
    const perDay = (rows: QuotaRow[]) => Object.fromEntries(rows.map((r) => [r.day, r.target]));
    await auditInsert(
      tx,
      {
        actor: user.username,
        action: "quotas.set",
        target: `${input.unitCode}|${input.surveyId}|${input.interviewer}`,
        before: perDay(before),
        after: perDay(after),
        scopeUnit: input.unitCode,
      },
      now,
    );
    return after.map(quotaView);
  });
}

/** Removes one target by id: 404 unknown, 403 unless its unit lies in the caller's scope; audited (quotas.delete). */
export async function deleteQuota(db: Database, id: number, user: User, now: Date): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const stored = await tx.select().from(interviewerQuotas).where(eq(interviewerQuotas.id, id)).get();
    if (!stored) throw notFound("任务");
    if (!(await isWithinScope(tx, user.scope, stored.unitCode))) throw forbidden("该任务不在您的管辖范围内");
    await tx.delete(interviewerQuotas).where(eq(interviewerQuotas.id, id));
    await auditInsert(
      tx,
      { actor: user.username, action: "quotas.delete", target: String(id), before: quotaView(stored), scopeUnit: stored.unitCode },
      now,
    );
  });
}

/** Targets inside `unit`'s subtree (checked in scope by the route), by day, unit, survey, interviewer. */
export async function listQuotas(db: Database, unit: string, q: Omit<QuotaListQuery, "unit">) {
  const where: SQL[] = [
    inArray(
      interviewerQuotas.unitCode,
      db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, unit)),
    ),
  ];
  if (q.from) where.push(gte(interviewerQuotas.day, q.from));
  if (q.to) where.push(lte(interviewerQuotas.day, q.to));
  if (q.survey) where.push(eq(interviewerQuotas.surveyId, q.survey));
  if (q.interviewer) where.push(eq(interviewerQuotas.interviewer, q.interviewer));
  const rows = await db
    .select()
    .from(interviewerQuotas)
    .where(and(...where))
    .orderBy(
      asc(interviewerQuotas.day),
      asc(interviewerQuotas.unitCode),
      asc(interviewerQuotas.surveyId),
      asc(interviewerQuotas.interviewer),
    )
    .limit(5000)
    .all();
  return rows.map(quotaView);
}

/**
 * An interviewer's own assignments for the tablet: their targets from `from` to `to` with the
 * unit's name, so the tablet can show them offline. Nothing of anyone else's.
 */
export async function myQuotas(db: Database, username: string, from: string, to: string) {
  const rows = await db
    .select()
    .from(interviewerQuotas)
    .where(and(eq(interviewerQuotas.interviewer, username), gte(interviewerQuotas.day, from), lte(interviewerQuotas.day, to)))
    .orderBy(asc(interviewerQuotas.day), asc(interviewerQuotas.unitCode), asc(interviewerQuotas.surveyId))
    .all();
  const codes = [...new Set(rows.map((r) => r.unitCode))];
  const names = new Map<string, string>();
  for (const code of codes) names.set(code, (await getUnit(db, code))?.name ?? code);
  return rows.map((r) => ({
    day: r.day,
    unitCode: r.unitCode,
    unitName: names.get(r.unitCode) ?? r.unitCode,
    surveyId: r.surveyId,
    target: r.target,
  }));
}
