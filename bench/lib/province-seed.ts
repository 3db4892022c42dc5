/**
 * Direct seeder for the province bench (issue 18; bench only): the rollup rows that N responses
 * over 50,000 units imply, summed in memory district by district and written with multi-row
 * inserts, one transaction per district, journal off (a throwaway file). Seeding 10M responses
 * through the writer's applyRollups ran at ~120 responses/s at this many leaves.
 *
 * What is written, and what is not:
 * - month rows (every unit, survey, channel, side) for all N responses: what every unbounded or
 *   whole-month dashboard read touches;
 * - for the checked district only: its raw responses and its day rows too, both from the real
 *   planRollups over those responses; its month rows are first compared, as stored text, with
 *   the ones this seeder summed (the seeder throws if they differ), so the sums written for the
 *   other 49 districts are the ones the writer would have written;
 * - day rows of the other districts are not written: at this density they are ~3 per response,
 *   ~2.4 kB each, i.e. tens of GB at 10M, more than the bench disk holds, and reads of whole
 *   months never touch them.
 *
 * Responses are drawn from a fixed pool of answer sets per survey (each counted once by the real
 * countsOfResponse/distOfResponse, then added by multiplicity), so the cost is one add per
 * response, not one classification.
 */
import type { Client, InValue } from "@libsql/client";
import type { MetricQuestion } from "../../server/services/rates/metric-definitions";
import type { DistributionQuestion } from "../../server/services/distributions/distribution-questions";
import { distOfResponse } from "../../server/services/rollups/rollup-distributions";
import { countsOfResponse } from "../../server/services/rollups/rollup-counts";
import { RollupLayout } from "./rollup-vectors";
import {
  monthPeriod,
  planRollups,
  rollupKey,
  ROLLUP_WRITE_COLUMNS,
  rollupWrites,
  type PendingRow,
  type RollupInput,
} from "../../server/services/rollups/rollups";
import { chunk } from "../../server/lib/chunk";

export interface SeedSurvey {
  id: string;
  version: number;
  metricQuestions: readonly MetricQuestion[];
  distributionQuestions: readonly DistributionQuestion[];
}

export interface ProvinceSeedOptions {
  n: number;
  rootCode: string;
  /** district code -> its subdistricts -> their communities; schools hang off the district. */
  districts: { code: string; subdistricts: { code: string; communities: string[] }[]; schools: string[] }[];
  surveys: Record<"resident" | "shopkeeper" | "parent", SeedSurvey>;
  /** One response's answers for a survey (the bench's generator). */
  makeAnswers: (surveyId: string, r: () => number) => Record<string, unknown>;
  checkedDistrict: string;
  r: () => number;
  days: number;
  start: number;
  poolSize?: number;
}

interface Template {
  answers: Record<string, unknown>;
  vec: Float64Array;
}

/** A rollup row being summed: its key's parts and its counts as a vector of its survey's layout. */
interface VecRow {
  unitCode: string;
  period: string;
  surveyId: string;
  channel: string;
  flagged: number;
  responses: number;
  vec: Float64Array;
}

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

function addRow(into: Map<string, VecRow>, unitCode: string, from: VecRow): void {
  const key = rollupKey(unitCode, from.period, from.surveyId, from.channel, from.flagged);
  let row = into.get(key);
  if (!row) into.set(key, (row = { ...from, unitCode, responses: 0, vec: new Float64Array(from.vec.length) }));
  row.responses += from.responses;
  for (let i = 0; i < row.vec.length; i++) row.vec[i]! += from.vec[i]!;
}

async function writeRows(client: Client, statements: { sql: string; args: InValue[] }[]): Promise<void> {
  const tx = await client.transaction("write");
  try {
    for (const part of chunk(statements, 50)) await tx.batch(part);
    await tx.commit();
  } finally {
    tx.close();
  }
}

export async function seedProvince(client: Client, o: ProvinceSeedOptions): Promise<{ rows: number; checkedRaw: number }> {
  await client.execute("pragma journal_mode = off");
  await client.execute("pragma synchronous = off");
  const pool = o.poolSize ?? 1024;
  const templates = new Map<string, Template[]>();
  const layouts = new Map<string, RollupLayout>();
  for (const s of Object.values(o.surveys)) {
    const sets = Array.from({ length: pool }, () => {
      const answers = o.makeAnswers(s.id, o.r);
      return {
        answers,
        counts: countsOfResponse(s.metricQuestions, answers),
        dist: distOfResponse(s.distributionQuestions, s.metricQuestions, answers),
      };
    });
    const layout = new RollupLayout(sets);
    layouts.set(s.id, layout);
    templates.set(
      s.id,
      sets.map((t) => ({ answers: t.answers, vec: layout.vector(t) })),
    );
  }
  const pending = (rows: ReadonlyMap<string, VecRow>): Map<string, PendingRow> =>
    new Map([...rows].map(([key, { vec, ...row }]) => [key, { ...row, ...layouts.get(row.surveyId)!.materialize(vec) }]));
  const perDistrict = Math.floor(o.n / o.districts.length);
  const root = new Map<string, VecRow>();
  let written = 0;
  let checkedRaw = 0;
  let serial = 0;
  const phase = { sum: 0, tree: 0, write: 0 };
  for (const [di, d] of o.districts.entries()) {
    let t0 = performance.now();
    const n = di === o.districts.length - 1 ? o.n - perDistrict * (o.districts.length - 1) : perDistrict;
    const leafOf = new Map<string, string>(); // community -> subdistrict
    const communities: string[] = [];
    for (const s of d.subdistricts)
      for (const c of s.communities) {
        communities.push(c);
        leafOf.set(c, s.code);
      }
    const leaves = new Map<string, VecRow>();
    const checked = d.code === o.checkedDistrict;
    const raw: { sql: string; args: InValue[] }[] = [];
    const rawRows: InValue[][] = [];
    const inputs: RollupInput[] = [];
    for (let i = 0; i < n; i++) {
      // The same mix as the writer-fed seed: 10% parents at schools, else 80% residents.
      const parent = o.r() < 0.1;
      const surveyId = parent ? "parent" : o.r() < 0.8 ? "resident" : "shopkeeper";
      const unitCode = parent ? d.schools[Math.floor(o.r() * d.schools.length)]! : communities[Math.floor(o.r() * communities.length)]!;
      const t = templates.get(surveyId)![Math.floor(o.r() * pool)]!;
      const at = o.start + Math.floor(o.r() * o.days * 86_400_000);
      const day = shanghaiDay(at);
      const channel = o.r() < 0.6 ? "interview" : "qr";
      const flagged = o.r() < 0.02 ? 1 : 0;
      const period = monthPeriod(day);
      const key = rollupKey(unitCode, period, surveyId, channel, flagged);
      let row = leaves.get(key);
      if (!row)
        leaves.set(key, (row = { unitCode, period, surveyId, channel, flagged, responses: 0, vec: new Float64Array(t.vec.length) }));
      row.responses += 1;
      for (let j = 0; j < t.vec.length; j++) row.vec[j]! += t.vec[j]!;
      if (checked) {
        const s = o.surveys[surveyId as keyof typeof o.surveys];
        const iso = new Date(at).toISOString();
        rawRows.push([
          `p${String(serial++).padStart(9, "0")}`,
          surveyId,
          s.version,
          unitCode,
          channel,
          JSON.stringify(t.answers),
          iso,
          iso,
          day,
          iso,
          `d${i}`,
          "x",
          flagged,
        ]);
        inputs.push({
          unitCode,
          day,
          surveyId,
          surveyVersion: s.version,
          channel,
          flagged: flagged === 1,
          answers: t.answers,
          metricQuestions: s.metricQuestions,
          distributionQuestions: s.distributionQuestions,
        });
      }
    }
    phase.sum += performance.now() - t0;
    t0 = performance.now();
    // Up the tree: subdistricts from their communities, the district from every leaf.
    const rows = new Map(leaves);
    for (const leaf of leaves.values()) {
      const sub = leafOf.get(leaf.unitCode);
      if (sub) addRow(rows, sub, leaf);
      addRow(rows, d.code, leaf);
      addRow(root, o.rootCode, leaf);
    }
    let out = pending(rows);
    if (checked) {
      // The real planner over the raw responses, ancestors within the district (the root's rows
      // hold the other districts too and are written from `root` below).
      const ancestors = new Map<string, string[]>();
      for (const c of communities) ancestors.set(c, [c, leafOf.get(c)!, d.code]);
      for (const s of d.schools) ancestors.set(s, [s, d.code]);
      const planned = planRollups(inputs, ancestors, 1);
      const text = (m: ReadonlyMap<string, PendingRow>) =>
        new Map(
          rollupWrites(new Map([...m].filter(([, v]) => v.period.startsWith("M:")))).flatMap((s) =>
            chunk(s.args as InValue[], ROLLUP_WRITE_COLUMNS.length).map((a) => [String(a[0]), a.slice(6).join("|")]),
          ),
        );
      const [mine, real] = [text(out), text(planned)];
      if (mine.size !== real.size) throw new Error(`province seed: ${mine.size} month rows vs ${real.size} from planRollups`);
      for (const [k, v] of real) if (mine.get(k) !== v) throw new Error(`province seed: month row ${k} differs from planRollups`);
      out = planned; // the same month rows, and the day rows
      for (const part of chunk(rawRows, 60))
        raw.push({
          sql: `insert into responses (id, survey_id, survey_version, unit_code, channel, answers, started_at, completed_at, day, received_at, device_id, content_hash, flagged) values ${part.map(() => "(?,?,?,?,?,?,?,?,?,?,?,?,?)").join(",")}`,
          args: part.flat(),
        });
      checkedRaw = rawRows.length;
    }
    phase.tree += performance.now() - t0;
    t0 = performance.now();
    const statements = [...raw, ...rollupWrites(out)];
    await writeRows(client, statements as { sql: string; args: InValue[] }[]);
    phase.write += performance.now() - t0;
    written += out.size;
    if ((di + 1) % 10 === 0)
      console.log(
        `    ${di + 1} districts, ${written} rollup rows; ms summing ${phase.sum.toFixed(0)}, tree ${phase.tree.toFixed(0)}, writing ${phase.write.toFixed(0)}`,
      );
  }
  await writeRows(client, rollupWrites(pending(root)) as { sql: string; args: InValue[] }[]);
  return { rows: written + root.size, checkedRaw };
}
