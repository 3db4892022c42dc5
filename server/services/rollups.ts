import type { InValue } from "@libsql/client";
import { placeholders, type SqlExecutor } from "../db/sql-executor";
import { responses } from "../db/schema";
import { chunk } from "../lib/chunk";
import type { MetricQuestion } from "./metric-definitions";
import { addCounts, countsOfResponse, emptyCounts, parseCounts, serializeCounts, type RollupCounts } from "./rollup-counts";

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
  registry: { get(id: string, version: number): Promise<{ metricQuestions: MetricQuestion[] } | undefined> },
  rows: readonly RollupSourceRow[],
): Promise<RollupInput[]> {
  const out: RollupInput[] = [];
  for (const r of rows) {
    const survey = await registry.get(r.surveyId, r.surveyVersion);
    if (!survey) throw new Error(`survey ${r.surveyId} v${r.surveyVersion} of a stored response is not published`);
    out.push({ ...r, answers: JSON.parse(r.answers) as Record<string, unknown>, metricQuestions: survey.metricQuestions });
  }
  return out;
}

/** A rollup row's period: one Shanghai day, or one month. */
export const dayPeriod = (day: string) => `D:${day}`;
export const monthPeriod = (day: string) => `M:${day.slice(0, 7)}`;

export function rollupKey(unitCode: string, period: string, surveyId: string, channel: string, flagged: number): string {
  return `${unitCode}|${period}|${surveyId}|${channel}|${flagged}`;
}

interface PendingRow {
  unitCode: string;
  period: string;
  surveyId: string;
  channel: string;
  flagged: number;
  responses: number;
  counts: RollupCounts;
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
}

/**
 * Adds (sign = 1) or removes (sign = -1, when a review moves a response between the flagged and
 * the counted side) responses to the rollups (DESIGN.md §2), in the caller's transaction.
 *
 * Every response is counted at its leaf and at each ancestor (unit_closure), for its day and its
 * month. A dashboard read then touches the unit's and its children's own rows for the months in
 * range (plus days at the range's ragged ends): its cost grows with units and periods, never with
 * responses. A batch is summed per leaf first (a write batch mostly comes from a few posters), the
 * rows it touches are read once and written back once; the transaction holds the write lock, so
 * the read-modify-write cannot race another writer.
 */
export async function applyRollups(exec: SqlExecutor, inputs: readonly RollupInput[], sign: 1 | -1 = 1): Promise<void> {
  if (inputs.length === 0) return;
  const groups = new Map<string, LeafGroup>();
  for (const r of inputs) {
    const flagged = r.flagged ? 1 : 0;
    const key = `${r.unitCode}|${r.day}|${r.surveyId}|${r.channel}|${flagged}`;
    let group = groups.get(key);
    if (!group) {
      group = { unitCode: r.unitCode, day: r.day, surveyId: r.surveyId, channel: r.channel, flagged, responses: 0, counts: emptyCounts() };
      groups.set(key, group);
    }
    group.responses += 1;
    addCounts(group.counts, countsOfResponse(r.metricQuestions, r.answers));
  }

  const ancestors = await ancestorsOf(exec, [...new Set(inputs.map((r) => r.unitCode))]);
  const pending = new Map<string, PendingRow>();
  for (const g of groups.values()) {
    for (const unitCode of ancestors.get(g.unitCode) ?? [g.unitCode]) {
      for (const period of [dayPeriod(g.day), monthPeriod(g.day)]) {
        const key = rollupKey(unitCode, period, g.surveyId, g.channel, g.flagged);
        let row = pending.get(key);
        if (!row) {
          row = { unitCode, period, surveyId: g.surveyId, channel: g.channel, flagged: g.flagged, responses: 0, counts: emptyCounts() };
          pending.set(key, row);
        }
        row.responses += sign * g.responses;
        addCounts(row.counts, g.counts, sign);
      }
    }
  }

  for (const keys of chunk([...pending.keys()], 500)) {
    const stored = await exec.rows<{ key: string; responses: number; counts: string }>(
      `select key, responses, counts from rollups where key in (${placeholders(keys.length)})`,
      keys,
    );
    for (const s of stored) {
      const row = pending.get(s.key)!;
      row.responses += Number(s.responses);
      addCounts(row.counts, parseCounts(s.counts));
    }
  }

  const upserts: InValue[][] = [];
  const emptied: string[] = [];
  for (const [key, row] of pending) {
    if (row.responses < 0) throw new Error(`rollup ${key} would go below zero: the rollups disagree with the responses`);
    if (row.responses === 0) emptied.push(key);
    else upserts.push([key, row.unitCode, row.period, row.surveyId, row.channel, row.flagged, row.responses, serializeCounts(row.counts)]);
  }
  for (const part of chunk(upserts, 200)) {
    await exec.rows(
      `insert into rollups (key, unit_code, period, survey_id, channel, flagged, responses, counts) values ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}
       on conflict (key) do update set responses = excluded.responses, counts = excluded.counts`,
      part.flat(),
    );
  }
  for (const part of chunk(emptied, 500)) await exec.rows(`delete from rollups where key in (${placeholders(part.length)})`, part);
}

/** Each leaf's ancestors including itself (the leaf is counted in every unit above it). */
async function ancestorsOf(exec: SqlExecutor, leaves: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunk(leaves, 500)) {
    const rows = await exec.rows<{ ancestor: string; descendant: string }>(
      `select ancestor, descendant from unit_closure where descendant in (${placeholders(part.length)})`,
      part,
    );
    for (const r of rows) {
      const list = out.get(r.descendant) ?? [];
      list.push(r.ancestor);
      out.set(r.descendant, list);
    }
  }
  return out;
}
