import { and, asc, count, countDistinct, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { unitClosure, units, visits } from "../../db/schema";
import { LEAF_KINDS } from "../units/units";

/**
 * Field progress for offices, read from the visits themselves: a door-to-door team records a few
 * hundred visits a day, so these grouped reads stay small (unlike QR responses, which use rollups).
 */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

export interface OutcomeCounts {
  visits: number;
  completed: number;
  refused: number;
  notHome: number;
  vacant: number;
  /** 非目标户 visits; added after the others, so older clients simply ignore it. */
  notEligible: number;
}

const outcomeColumns = {
  visits: count(),
  completed: sql<number>`sum(case when ${visits.outcome} = 'completed' then 1 else 0 end)`,
  refused: sql<number>`sum(case when ${visits.outcome} = 'refused' then 1 else 0 end)`,
  notHome: sql<number>`sum(case when ${visits.outcome} = 'not_home' then 1 else 0 end)`,
  vacant: sql<number>`sum(case when ${visits.outcome} = 'vacant' then 1 else 0 end)`,
  notEligible: sql<number>`sum(case when ${visits.outcome} = 'not_eligible' then 1 else 0 end)`,
};

function inSubtree(scope: string, range: DayRange): SQL {
  const conditions: SQL[] = [
    inArray(visits.unitCode, sql`(select ${unitClosure.descendant} from ${unitClosure} where ${unitClosure.ancestor} = ${scope})`),
  ];
  if (range.from) conditions.push(gte(visits.day, range.from));
  if (range.to) conditions.push(lte(visits.day, range.to));
  return and(...conditions)!;
}

function counts(row: { [K in keyof OutcomeCounts]: number | null }): OutcomeCounts {
  return {
    visits: Number(row.visits ?? 0),
    completed: Number(row.completed ?? 0),
    refused: Number(row.refused ?? 0),
    notHome: Number(row.notHome ?? 0),
    vacant: Number(row.vacant ?? 0),
    notEligible: Number(row.notEligible ?? 0),
  };
}

/** 完成 / visits, null before the first visit. */
export function responseRate(c: OutcomeCounts): number | null {
  return c.visits === 0 ? null : c.completed / c.visits;
}

/** Visits and their outcomes per interviewer per Asia/Shanghai day, newest day first. */
export async function interviewerDays(db: Database, scope: string, range: DayRange) {
  const rows = await db
    .select({ interviewer: visits.interviewer, day: visits.day, ...outcomeColumns })
    .from(visits)
    .where(inSubtree(scope, range))
    .groupBy(visits.interviewer, visits.day)
    .orderBy(sql`${visits.day} desc`, asc(visits.interviewer))
    .all();
  return rows.map((r) => {
    const c = counts(r);
    return { interviewer: r.interviewer, day: r.day, ...c, responseRate: responseRate(c) };
  });
}

/**
 * Every leaf unit (community or school) in the subtree with its visit outcomes, distinct visited
 * households, coverage (visited households / registered households, toward 入户宣传 100%) and
 * response rate. Units nobody visited yet are listed too: they are the ones an office must chase.
 */
export async function unitOutcomes(db: Database, scope: string, range: DayRange) {
  const leaves = await db
    .select({ code: units.code, name: units.name, kind: units.kind, households: units.households })
    .from(unitClosure)
    .innerJoin(units, eq(units.code, unitClosure.descendant))
    .where(and(eq(unitClosure.ancestor, scope), inArray(units.kind, [...LEAF_KINDS])))
    .orderBy(asc(units.code))
    .all();
  const grouped = await db
    .select({ unitCode: visits.unitCode, households: countDistinct(visits.household), ...outcomeColumns })
    .from(visits)
    .where(inSubtree(scope, range))
    .groupBy(visits.unitCode)
    .all();
  const byUnit = new Map(grouped.map((g) => [g.unitCode, g]));
  const rows = leaves.map((leaf) => {
    const g = byUnit.get(leaf.code);
    const c = counts(g ?? { visits: 0, completed: 0, refused: 0, notHome: 0, vacant: 0, notEligible: 0 });
    const visitedHouseholds = Number(g?.households ?? 0);
    return {
      unit: { code: leaf.code, name: leaf.name, kind: leaf.kind },
      households: leaf.households,
      visitedHouseholds,
      coverage: leaf.households ? visitedHouseholds / leaf.households : null,
      ...c,
      responseRate: responseRate(c),
    };
  });
  const totals = rows.reduce(
    (t, r) => ({
      visits: t.visits + r.visits,
      completed: t.completed + r.completed,
      refused: t.refused + r.refused,
      notHome: t.notHome + r.notHome,
      vacant: t.vacant + r.vacant,
      notEligible: t.notEligible + r.notEligible,
      visitedHouseholds: t.visitedHouseholds + r.visitedHouseholds,
      households: t.households + (r.households ?? 0),
      // Coverage only over units whose household count is known, so unknowns don't inflate it.
      coveredHouseholds: t.coveredHouseholds + (r.households ? r.visitedHouseholds : 0),
    }),
    {
      visits: 0,
      completed: 0,
      refused: 0,
      notHome: 0,
      vacant: 0,
      notEligible: 0,
      visitedHouseholds: 0,
      households: 0,
      coveredHouseholds: 0,
    },
  );
  const { coveredHouseholds, ...sums } = totals;
  return {
    rows,
    totals: {
      ...sums,
      coverage: totals.households ? coveredHouseholds / totals.households : null,
      responseRate: responseRate(totals),
    },
  };
}
