import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { responses, rollups, unitClosure } from "../db/schema";
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

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

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

/**
 * Adds (sign = 1) or removes (sign = -1, when a review moves a response between the flagged and
 * the counted side) responses to the rollups (DESIGN.md §2), in the caller's transaction.
 *
 * Every response is counted at its leaf and at each ancestor (unit_closure), for its day and its
 * month. A dashboard read then touches the unit's and its children's own rows for the months in
 * range (plus days at the range's ragged ends): its cost grows with units and periods, never with
 * responses. The rows of a batch are merged in memory, read once, and written back once; the
 * transaction holds the write lock, so the read-modify-write cannot race another writer.
 */
export async function applyRollups(tx: Tx | Database, inputs: readonly RollupInput[], sign: 1 | -1 = 1): Promise<void> {
  if (inputs.length === 0) return;
  const ancestors = await ancestorsOf(tx, [...new Set(inputs.map((r) => r.unitCode))]);

  const pending = new Map<string, PendingRow>();
  for (const r of inputs) {
    const delta = countsOfResponse(r.metricQuestions, r.answers);
    const flagged = r.flagged ? 1 : 0;
    for (const unitCode of ancestors.get(r.unitCode) ?? [r.unitCode]) {
      for (const period of [dayPeriod(r.day), monthPeriod(r.day)]) {
        const key = rollupKey(unitCode, period, r.surveyId, r.channel, flagged);
        let row = pending.get(key);
        if (!row) {
          row = { unitCode, period, surveyId: r.surveyId, channel: r.channel, flagged, responses: 0, counts: emptyCounts() };
          pending.set(key, row);
        }
        row.responses += sign;
        addCounts(row.counts, delta, sign);
      }
    }
  }

  for (const keys of chunk([...pending.keys()], 500)) {
    const stored = await tx
      .select({ key: rollups.key, responses: rollups.responses, counts: rollups.counts })
      .from(rollups)
      .where(inArray(rollups.key, keys));
    for (const s of stored) {
      const row = pending.get(s.key)!;
      row.responses += s.responses;
      addCounts(row.counts, parseCounts(s.counts));
    }
  }

  const upserts: (typeof rollups.$inferInsert)[] = [];
  const emptied: string[] = [];
  for (const [key, row] of pending) {
    if (row.responses < 0) throw new Error(`rollup ${key} would go below zero: the rollups disagree with the responses`);
    if (row.responses === 0) emptied.push(key);
    else upserts.push({ key, ...row, counts: serializeCounts(row.counts) });
  }
  for (const part of chunk(upserts, 200)) {
    await tx
      .insert(rollups)
      .values(part)
      .onConflictDoUpdate({
        target: rollups.key,
        set: { responses: sql`excluded.responses`, counts: sql`excluded.counts` },
      });
  }
  for (const part of chunk(emptied, 500)) await tx.delete(rollups).where(inArray(rollups.key, part));
}

/** Each leaf's ancestors including itself (the leaf is counted in every unit above it). */
async function ancestorsOf(tx: Tx | Database, leaves: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunk(leaves, 500)) {
    const rows = await tx
      .select({ ancestor: unitClosure.ancestor, descendant: unitClosure.descendant })
      .from(unitClosure)
      .where(inArray(unitClosure.descendant, part));
    for (const r of rows) {
      const list = out.get(r.descendant) ?? [];
      list.push(r.ancestor);
      out.set(r.descendant, list);
    }
  }
  return out;
}
