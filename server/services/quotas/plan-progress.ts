import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { interviewerQuotas, unitClosure, units, visits } from "../../db/schema";

/**
 * Progress against plan (issue 16 part 3): the targets of interviewer_quotas beside the
 * completed visits (outcome 完成) of the same days, read from the visits as the rest of the
 * field-progress page is. `completed` counts every completed visit in the group, planned or not,
 * so work outside the plan is not hidden; `attainment` = completed / target, null without a target.
 */
export interface PlanFilter {
  from?: string | undefined;
  to?: string | undefined;
  survey?: string | undefined;
}

export interface PlanFigures {
  target: number;
  completed: number;
  attainment: number | null;
}

const figures = (target: number, completed: number): PlanFigures => ({
  target,
  completed,
  attainment: target > 0 ? completed / target : null,
});

const subtree = (scope: string) => sql`(select ${unitClosure.descendant} from ${unitClosure} where ${unitClosure.ancestor} = ${scope})`;

function quotaWhere(scope: string, f: PlanFilter): SQL {
  const c: SQL[] = [inArray(interviewerQuotas.unitCode, subtree(scope))];
  if (f.from) c.push(gte(interviewerQuotas.day, f.from));
  if (f.to) c.push(lte(interviewerQuotas.day, f.to));
  if (f.survey) c.push(eq(interviewerQuotas.surveyId, f.survey));
  return and(...c)!;
}

function visitWhere(scope: string, f: PlanFilter): SQL {
  const c: SQL[] = [inArray(visits.unitCode, subtree(scope)), eq(visits.outcome, "completed")];
  if (f.from) c.push(gte(visits.day, f.from));
  if (f.to) c.push(lte(visits.day, f.to));
  if (f.survey) c.push(eq(visits.surveyId, f.survey));
  return and(...c)!;
}

/**
 * For a unit: its totals, one row per child unit (summed over each child's subtree; empty for a
 * leaf), and one row per interviewer over the whole subtree, so the page drills down district →
 * subdistrict → community → interviewer by asking again with a child's code.
 */
export async function planProgress(db: Database, scope: string, f: PlanFilter) {
  const children = await db
    .select({ code: units.code, name: units.name, kind: units.kind })
    .from(units)
    .where(eq(units.parentCode, scope))
    .orderBy(asc(units.code))
    .all();
  const childCodes = children.map((c) => c.code);
  const [targetsByChild, doneByChild, targetsByInterviewer, doneByInterviewer] = await Promise.all([
    childCodes.length === 0
      ? []
      : db
          .select({ code: unitClosure.ancestor, n: sql<number>`sum(${interviewerQuotas.target})`.mapWith(Number) })
          .from(interviewerQuotas)
          .innerJoin(unitClosure, eq(unitClosure.descendant, interviewerQuotas.unitCode))
          .where(and(quotaWhere(scope, f), inArray(unitClosure.ancestor, childCodes)))
          .groupBy(unitClosure.ancestor)
          .all(),
    childCodes.length === 0
      ? []
      : db
          .select({ code: unitClosure.ancestor, n: sql<number>`count(*)`.mapWith(Number) })
          .from(visits)
          .innerJoin(unitClosure, eq(unitClosure.descendant, visits.unitCode))
          .where(and(visitWhere(scope, f), inArray(unitClosure.ancestor, childCodes)))
          .groupBy(unitClosure.ancestor)
          .all(),
    db
      .select({ who: interviewerQuotas.interviewer, n: sql<number>`sum(${interviewerQuotas.target})`.mapWith(Number) })
      .from(interviewerQuotas)
      .where(quotaWhere(scope, f))
      .groupBy(interviewerQuotas.interviewer)
      .all(),
    db
      .select({ who: visits.interviewer, n: sql<number>`count(*)`.mapWith(Number) })
      .from(visits)
      .where(visitWhere(scope, f))
      .groupBy(visits.interviewer)
      .all(),
  ]);
  const t = new Map(targetsByChild.map((r) => [r.code, r.n]));
  const d = new Map(doneByChild.map((r) => [r.code, r.n]));
  const ti = new Map(targetsByInterviewer.map((r) => [r.who, r.n]));
  const di = new Map(doneByInterviewer.map((r) => [r.who, r.n]));
  const names = [...new Set([...ti.keys(), ...di.keys()])].sort();
  const interviewers = names.map((interviewer) => ({ interviewer, ...figures(ti.get(interviewer) ?? 0, di.get(interviewer) ?? 0) }));
  const totals = figures(
    interviewers.reduce((n, r) => n + r.target, 0),
    interviewers.reduce((n, r) => n + r.completed, 0),
  );
  return {
    totals,
    children: children.map((unit) => ({ unit, ...figures(t.get(unit.code) ?? 0, d.get(unit.code) ?? 0) })),
    interviewers,
  };
}

/**
 * The export's detail: one row per day, leaf unit, questionnaire and interviewer that has a
 * target or a completed visit, with both numbers, ordered by day, unit, questionnaire, interviewer.
 */
export async function planDetail(db: Database, scope: string, f: PlanFilter) {
  const [targets, done] = await Promise.all([
    db
      .select({
        day: interviewerQuotas.day,
        unitCode: interviewerQuotas.unitCode,
        surveyId: interviewerQuotas.surveyId,
        interviewer: interviewerQuotas.interviewer,
        n: interviewerQuotas.target,
      })
      .from(interviewerQuotas)
      .where(quotaWhere(scope, f))
      .all(),
    db
      .select({
        day: visits.day,
        unitCode: visits.unitCode,
        surveyId: visits.surveyId,
        interviewer: visits.interviewer,
        n: sql<number>`count(*)`.mapWith(Number),
      })
      .from(visits)
      .where(visitWhere(scope, f))
      .groupBy(visits.day, visits.unitCode, visits.surveyId, visits.interviewer)
      .all(),
  ]);
  const key = (r: { day: string; unitCode: string; surveyId: string; interviewer: string }) =>
    [r.day, r.unitCode, r.surveyId, r.interviewer].join("\u0000");
  const rows = new Map<
    string,
    { day: string; unitCode: string; surveyId: string; interviewer: string; target: number | null; completed: number }
  >();
  for (const r of targets) rows.set(key(r), { ...r, target: r.n, completed: 0 });
  for (const r of done) {
    const row = rows.get(key(r)) ?? { ...r, target: null, completed: 0 };
    row.completed = r.n;
    rows.set(key(r), row);
  }
  const codes = [...new Set([...rows.values()].map((r) => r.unitCode))];
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const part = await db
      .select({ code: units.code, name: units.name })
      .from(units)
      .where(inArray(units.code, codes.slice(i, i + 500)))
      .all();
    for (const u of part) names.set(u.code, u.name);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode }));
}
