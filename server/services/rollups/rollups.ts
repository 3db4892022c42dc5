import type { InValue } from "@libsql/client";
import { placeholders, type SqlExecutor, type SqlStatement } from "../../db/sql-executor";
import { responses } from "../../db/schema";
import { chunk } from "../../lib/chunk";
import type { MetricQuestion } from "../rates/metric-definitions";
import type { DistributionQuestion } from "../distributions/distribution-questions";
import { addDist, distOfResponse, emptyDist, parseDist, serializeDist, type DistCounts } from "./rollup-distributions";
import { addCounts, countsOfResponse, emptyCounts, parseCounts, serializeRollupCounts, type RollupCounts } from "./rollup-counts";

/** What a rollup needs to know of one stored response. */
export interface RollupInput {
  unitCode: string;
  day: string;
  surveyId: string;
  surveyVersion: number;
  channel: string;
  flagged: boolean;
  answers: Record<string, unknown>;
  metricQuestions: readonly MetricQuestion[];
  distributionQuestions: readonly DistributionQuestion[];
}

/** The columns of a stored response that its rollups depend on (select these, then toRollupInputs). */
export const rollupSourceColumns = {
  unitCode: responses.unitCode,
  day: responses.day,
  surveyId: responses.surveyId,
  surveyVersion: responses.surveyVersion,
  channel: responses.channel,
  flagged: responses.flagged,
  answers: responses.answers,
};

type RollupSourceRow = { [K in keyof typeof rollupSourceColumns]: (typeof rollupSourceColumns)[K]["_"]["data"] };

/** Stored responses as rollup inputs, each counted by the metric rules of its own survey version. */
export async function toRollupInputs(
  registry: {
    get(
      id: string,
      version: number,
    ): Promise<{ metricQuestions: MetricQuestion[]; distributionQuestions: DistributionQuestion[] } | undefined>;
  },
  rows: readonly RollupSourceRow[],
): Promise<RollupInput[]> {
  const out: RollupInput[] = [];
  for (const r of rows) {
    const survey = await registry.get(r.surveyId, r.surveyVersion);
    if (!survey) throw new Error(`survey ${r.surveyId} v${r.surveyVersion} of a stored response is not published`);
    out.push({
      ...r,
      answers: JSON.parse(r.answers) as Record<string, unknown>,
      metricQuestions: survey.metricQuestions,
      distributionQuestions: survey.distributionQuestions,
    });
  }
  return out;
}

/** A rollup row's period: one Shanghai day, or one month. */
export const dayPeriod = (day: string) => `D:${day}`;
export const monthPeriod = (day: string) => `M:${day.slice(0, 7)}`;

export function rollupKey(unitCode: string, period: string, surveyId: string, channel: string, flagged: number): string {
  return `${unitCode}|${period}|${surveyId}|${channel}|${flagged}`;
}

/** A rollup row as this batch will leave it: its delta, plus the stored row once merged. */
export interface PendingRow {
  unitCode: string;
  period: string;
  surveyId: string;
  channel: string;
  flagged: number;
  responses: number;
  counts: RollupCounts;
  dist: DistCounts;
}

/** Responses of one leaf, day, survey, channel and side, summed before they go up the tree. */
interface LeafGroup {
  unitCode: string;
  day: string;
  surveyId: string;
  channel: string;
  flagged: number;
  responses: number;
  counts: RollupCounts;
  dist: DistCounts;
}

/**
 * Adds (sign = 1) or removes (sign = -1, when a review moves a response between the flagged and
 * the counted side) responses to the rollups (docs/design.md §2), in the caller's transaction.
 *
 * Every response is counted at its leaf and at each ancestor (unit_closure), for its day and its
 * month. A dashboard read then touches the unit's and its children's own rows for the months in
 * range (plus days at the range's ragged ends): its cost grows with units and periods, never with
 * responses. The rows a batch touches are read once and written back once; the transaction holds
 * the write lock, so the read-modify-write cannot race another writer. (The response writer does
 * the same steps with its reads and writes grouped into fewer round trips.)
 */
export async function applyRollups(exec: SqlExecutor, inputs: readonly RollupInput[], sign: 1 | -1 = 1): Promise<void> {
  if (inputs.length === 0) return;
  const ancestors = new Map<string, string[]>();
  for (const part of chunk([...new Set(inputs.map((r) => r.unitCode))], 500)) {
    const q = ancestorsQuery(part);
    addAncestors(ancestors, await exec.rows(q.sql, q.args));
  }
  const pending = planRollups(inputs, ancestors, sign);
  for (const keys of chunk([...pending.keys()], 500)) {
    mergeStoredRollups(
      pending,
      await exec.rows(`select key, responses, counts, dist from rollups where key in (${placeholders(keys.length)})`, keys),
    );
  }
  await exec.batch(rollupWrites(pending));
}

/** What a batch changes, per rollup row key: summed per leaf first, then added up the tree. */
export function planRollups(
  inputs: readonly RollupInput[],
  ancestors: ReadonlyMap<string, readonly string[]>,
  sign: 1 | -1,
): Map<string, PendingRow> {
  const groups = new Map<string, LeafGroup>();
  for (const r of inputs) {
    const flagged = r.flagged ? 1 : 0;
    const key = `${r.unitCode}|${r.day}|${r.surveyId}|${r.channel}|${flagged}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        unitCode: r.unitCode,
        day: r.day,
        surveyId: r.surveyId,
        channel: r.channel,
        flagged,
        responses: 0,
        counts: emptyCounts(),
        dist: emptyDist(),
      };
      groups.set(key, group);
    }
    group.responses += 1;
    addCounts(group.counts, countsOfResponse(r.metricQuestions, r.answers));
    addDist(group.dist, distOfResponse(r.distributionQuestions, r.metricQuestions, r.answers));
  }
  const pending = new Map<string, PendingRow>();
  for (const g of groups.values()) {
    for (const unitCode of ancestors.get(g.unitCode) ?? [g.unitCode]) {
      for (const period of [dayPeriod(g.day), monthPeriod(g.day)]) {
        const key = rollupKey(unitCode, period, g.surveyId, g.channel, g.flagged);
        let row = pending.get(key);
        if (!row) {
          row = {
            unitCode,
            period,
            surveyId: g.surveyId,
            channel: g.channel,
            flagged: g.flagged,
            responses: 0,
            counts: emptyCounts(),
            dist: emptyDist(),
          };
          pending.set(key, row);
        }
        row.responses += sign * g.responses;
        addCounts(row.counts, g.counts, sign);
        addDist(row.dist, g.dist, sign);
      }
    }
  }
  return pending;
}

/** Each leaf's ancestors, itself included (a leaf is counted in every unit above it). */
export function ancestorsQuery(leaves: readonly string[]): SqlStatement {
  return { sql: `select ancestor, descendant from unit_closure where descendant in (${placeholders(leaves.length)})`, args: [...leaves] };
}

export function addAncestors(into: Map<string, string[]>, rows: readonly Record<string, unknown>[]): Map<string, string[]> {
  for (const r of rows) {
    const descendant = String(r.descendant);
    const list = into.get(descendant) ?? [];
    list.push(String(r.ancestor));
    into.set(descendant, list);
  }
  return into;
}

/**
 * The stored rows a batch of new responses may touch, read without knowing the ancestors yet
 * (so this read can travel with the others): every row of the leaves' ancestors for the batch's
 * days and months and surveys. Rows of other channels or sides come along and are ignored.
 */
export function storedRollupsQuery(inputs: readonly Pick<RollupInput, "unitCode" | "day" | "surveyId">[]): SqlStatement {
  const leaves = [...new Set(inputs.map((r) => r.unitCode))];
  const periods = [...new Set(inputs.flatMap((r) => [dayPeriod(r.day), monthPeriod(r.day)]))];
  const surveys = [...new Set(inputs.map((r) => r.surveyId))];
  return {
    sql: `select key, responses, counts, dist from rollups
          where unit_code in (select ancestor from unit_closure where descendant in (${placeholders(leaves.length)}))
            and period in (${placeholders(periods.length)}) and survey_id in (${placeholders(surveys.length)})`,
    args: [...leaves, ...periods, ...surveys],
  };
}

/** Adds the stored rows' values into the rows this batch changes (rows it does not change are skipped). */
export function mergeStoredRollups(pending: Map<string, PendingRow>, stored: readonly Record<string, unknown>[]): void {
  for (const s of stored) {
    const row = pending.get(String(s.key));
    if (!row) continue;
    row.responses += Number(s.responses);
    addCounts(row.counts, parseCounts(String(s.counts)));
    addDist(row.dist, parseDist(s.dist as string | null));
  }
}

/** The columns of each row rollupWrites upserts, in the order of its arguments. */
export const ROLLUP_WRITE_COLUMNS = [
  "key",
  "unit_code",
  "period",
  "survey_id",
  "channel",
  "flagged",
  "responses",
  "counts",
  "dist",
  "metric_sums",
] as const;
const ROLLUP_ROW_PLACEHOLDERS = `(${placeholders(ROLLUP_WRITE_COLUMNS.length)})`;
/** An upsert keeps the key columns (the first six, all in `key`) and replaces the rest. */
const ROLLUP_UPDATES = ROLLUP_WRITE_COLUMNS.slice(6)
  .map((c) => `${c} = excluded.${c}`)
  .join(", ");

/** The upserts and deletes that leave every changed row as planned. */
export function rollupWrites(pending: ReadonlyMap<string, PendingRow>): SqlStatement[] {
  const upserts: InValue[][] = [];
  const emptied: string[] = [];
  for (const [key, row] of pending) {
    if (row.responses < 0) throw new Error(`rollup ${key} would go below zero: the rollups disagree with the responses`);
    if (row.responses === 0) emptied.push(key);
    else {
      const { counts, metricSums } = serializeRollupCounts(row.counts);
      upserts.push([
        key,
        row.unitCode,
        row.period,
        row.surveyId,
        row.channel,
        row.flagged,
        row.responses,
        counts,
        serializeDist(row.dist),
        metricSums,
      ]);
    }
  }
  return [
    ...chunk(upserts, 200).map((part) => ({
      sql: `insert into rollups (${ROLLUP_WRITE_COLUMNS.join(", ")}) values ${part.map(() => ROLLUP_ROW_PLACEHOLDERS).join(", ")}
            on conflict (key) do update set ${ROLLUP_UPDATES}`,
      args: part.flat(),
    })),
    ...chunk(emptied, 500).map((part) => ({ sql: `delete from rollups where key in (${placeholders(part.length)})`, args: part })),
  ];
}
