/**
 * Property: for a random hierarchy and random responses sent through the real
 * POST /api/v1/responses, every unit's rates equal a brute-force count over the raw responses
 * (written here from docs/design.md §5, sharing no code with the server), the §7 design-based
 * fields equal a recomputation from each respondent's answers (test/helpers/independent-precision.ts)
 * to 1e-9, and a rollup rebuild reproduces the rollups the writer kept incrementally.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { addUnits, type NewUnit } from "../../server/services/units/units";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { close, precisionOf, type Respondent } from "../helpers/independent-precision";
import { CITY } from "./rates-fixtures";

const METRICS = ["awareness", "support", "participation", "satisfaction"] as const;
interface Def {
  name: string;
  metric: string;
  positive: unknown[];
  excluded: unknown[];
  scores: Record<string, number> | null;
}

/** Metric questions of a survey JSON, read independently of server/services/metric-definitions. */
function defsOf(json: any): Def[] {
  const out: Def[] = [];
  const walk = (els: any[] = []) => {
    for (const e of els) {
      if (e.metric)
        out.push({ name: e.name, metric: e.metric, positive: e.positive ?? [], excluded: e.excluded ?? [], scores: e.scores ?? null });
      walk(e.elements);
    }
  };
  for (const p of json.pages ?? []) walk(p.elements);
  return out;
}
const DEFS = Object.fromEntries(shippedSurveys.map((s) => [s.id, defsOf(s.json)]));

interface Raw {
  unit_code: string;
  survey_id: string;
  channel: string;
  flagged: number;
  day: string;
  answers: string;
}
interface Filter {
  audience?: string;
  channel?: string;
  from?: string;
  to?: string;
  includeFlagged?: boolean;
}

function bruteForce(rows: Raw[], leaves: Set<string>, f: Filter) {
  const m = Object.fromEntries(METRICS.map((k) => [k, { respondents: 0, answers: 0, positive: 0, scoreSum: 0, scoreCount: 0 }]));
  const questions = new Map<string, { answers: number; positive: number }>();
  const perRespondent = Object.fromEntries(METRICS.map((k) => [k, [] as Respondent[]]));
  for (const r of rows) {
    if (!leaves.has(r.unit_code)) continue;
    if (f.audience && r.survey_id !== f.audience) continue;
    if (f.channel && r.channel !== f.channel) continue;
    if (f.from && r.day < f.from) continue;
    if (f.to && r.day > f.to) continue;
    if (!f.includeFlagged && r.flagged) continue;
    const answers = JSON.parse(r.answers);
    const seen = new Set<string>();
    const own = Object.fromEntries(METRICS.map((k) => [k, { a: 0, y: 0 }]));
    for (const d of DEFS[r.survey_id]!) {
      const v = answers[d.name];
      if (v === undefined || v === null || v === "" || d.excluded.includes(v)) continue;
      const acc = m[d.metric]!;
      const pos = d.positive.includes(v);
      acc.answers++;
      own[d.metric]!.a++;
      if (pos) {
        acc.positive++;
        own[d.metric]!.y++;
      }
      if (d.scores && typeof d.scores[String(v)] === "number") {
        acc.scoreSum += d.scores[String(v)]!;
        acc.scoreCount++;
      }
      seen.add(d.metric);
      const q = questions.get(`${r.survey_id}|${d.name}`) ?? { answers: 0, positive: 0 };
      q.answers++;
      if (pos) q.positive++;
      questions.set(`${r.survey_id}|${d.name}`, q);
    }
    for (const k of seen) {
      m[k]!.respondents++;
      perRespondent[k]!.push(own[k]!);
    }
  }
  return { metrics: m, questions, perRespondent };
}

/** A unit's sizes per audience (population, shops, students): small ones make the fpc matter. */
const SIZE_KEYS = { resident: "population", shopkeeper: "shops", parent: "students" } as const;
const sizeOf = (code: string, key: string) => {
  const h = [...`${code}${key}`].reduce((x, ch) => (x * 31 + ch.charCodeAt(0)) >>> 0, 7);
  return h % 4 === 0 ? null : 1 + (h % 40);
};

const treeArb = fc.array(
  fc.record({
    subdistricts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    schools: fc.integer({ min: 0, max: 2 }),
  }),
  { minLength: 1, maxLength: 3 },
);

const responseArb = fc.record({
  leaf: fc.nat(),
  audience: fc.constantFrom("resident", "shopkeeper", "parent"),
  channel: fc.constantFrom("qr", "interview"),
  daysAgo: fc.integer({ min: 0, max: 120 }),
  device: fc.integer({ min: 0, max: 5 }),
  seed: fc.integer(),
  bias: fc.double({ min: 0, max: 1, noNaN: true }),
});

const filterArb = fc.record(
  {
    audience: fc.constantFrom("resident", "shopkeeper", "parent"),
    channel: fc.constantFrom("qr", "interview"),
    from: fc.integer({ min: 0, max: 120 }),
    to: fc.integer({ min: 0, max: 120 }),
    includeFlagged: fc.boolean(),
  },
  { requiredKeys: [] },
);

const dayAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

async function buildTree(t: TestApp, tree: { subdistricts: number[]; schools: number }[]) {
  const units: NewUnit[] = [];
  const children = new Map<string, string[]>();
  const link = (u: NewUnit) => {
    Object.assign(u, { population: sizeOf(u.code, "population"), shops: sizeOf(u.code, "shops"), students: sizeOf(u.code, "students") });
    units.push(u);
    children.set(u.parentCode!, [...(children.get(u.parentCode!) ?? []), u.code]);
  };
  tree.forEach((d, di) => {
    const dc = `59${di}000000000`;
    link({ code: dc, name: `区${di}`, kind: "district", parentCode: CITY });
    d.subdistricts.forEach((n, si) => {
      const sc = `59${di}0${si + 1}0000000`;
      link({ code: sc, name: `街道${di}${si}`, kind: "subdistrict", parentCode: dc });
      for (let ci = 0; ci < n; ci++)
        link({ code: `59${di}0${si + 1}00${ci + 1}0000`, name: `社区${di}${si}${ci}`, kind: "community", parentCode: sc, targetN: 10 });
    });
    for (let k = 0; k < d.schools; k++) link({ code: `59${di}S${k}`, name: `学校${di}${k}`, kind: "school", parentCode: dc });
  });
  await addUnits(t.db, units, new Date());
  const leavesOf = (code: string): string[] => {
    const kids = children.get(code);
    return kids ? kids.flatMap(leavesOf) : [code];
  };
  return { units, leavesOf };
}

function expectPrecision(where: string, got: any, e: ReturnType<typeof precisionOf>) {
  const fields = { variance: got.variance, nEff: got.nEff, lo: got.ci95Design[0], hi: got.ci95Design[1] };
  const want = { variance: e.variance, nEff: e.nEff, lo: e.ci95Design[0], hi: e.ci95Design[1] };
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    expect(close(fields[key], want[key]), `${where} ${key}: ${fields[key]} vs ${want[key]}`).toBe(true);
  }
  expect({ where, certainDesign: got.certainDesign, reliability: got.reliability, neededN: got.neededN }).toEqual({
    where,
    certainDesign: e.certainDesign,
    reliability: e.reliability,
    neededN: e.neededN,
  });
}

describe("rates equal a brute-force recount (property)", () => {
  it("holds for random hierarchies, responses and filters; rebuild equals incremental", async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(responseArb, { maxLength: 35 }),
        fc.array(filterArb, { minLength: 1, maxLength: 3 }),
        async (tree, resps, filters) => {
          // Responses go back 120 days: QR answers that old pass only with the QR clock window off,
          // and interviews only on survey versions published before them (issue 11 flags the rest `clock`).
          const t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_CLOCK_BACK_HOURS: "0" } });
          await t.client.execute({
            sql: "update survey_versions set published_at = ?",
            args: [new Date(Date.now() - 130 * 86_400_000).toISOString()],
          });
          try {
            const admin = await t.login();
            const { units, leavesOf } = await buildTree(t, tree);
            const communities = units.filter((u) => u.kind === "community");
            const schools = units.filter((u) => u.kind === "school");
            const posters = new Map<string, string>();
            for (const r of resps) {
              const pool = r.audience === "parent" ? schools : communities;
              if (pool.length === 0) continue;
              const unit = pool[r.leaf % pool.length]!;
              const survey = shippedSurveys.find((s) => s.id === r.audience)!;
              const version = (await t.app.services.registry.getCurrent(r.audience))!.version;
              const answers = generateAnswers(survey.json, seededRng(r.seed), { positiveBias: r.bias });
              const at = new Date(Date.now() - r.daysAgo * 86_400_000).toISOString();
              let token: string | undefined;
              if (r.channel === "qr") {
                const key = `${unit.code}|${r.audience}`;
                token = posters.get(key) ?? (await t.createPoster(admin, unit.code, r.audience)).token;
                posters.set(key, token);
              }
              const res = await t.request("/api/v1/responses", {
                method: "POST",
                cookie: r.channel === "interview" ? admin : undefined,
                json: {
                  id: crypto.randomUUID(),
                  surveyId: r.audience,
                  surveyVersion: version,
                  channel: r.channel,
                  answers,
                  startedAt: at,
                  completedAt: at,
                  deviceId: `device-${r.device}`, // repeats flag "same_device" on the QR path
                  ...(r.channel === "qr" ? { token } : { unitCode: unit.code }),
                },
              });
              expect(res.status, await res.clone().text()).toBe(201);
            }
            const raw = (await t.client.execute("select unit_code, survey_id, channel, flagged, day, answers from responses"))
              .rows as unknown as Raw[];
            // Every unit's sizes as stored (the seeded demo units have their own).
            const sizes = new Map(
              (await t.client.execute("select code, population, shops, students from units")).rows.map((u) => [
                String(u.code),
                { population: u.population as number | null, shops: u.shops as number | null, students: u.students as number | null },
              ]),
            );
            const clockFlagged = await t.client.execute("select count(*) as n from responses where flag_reason like '%clock%'");
            expect(Number(clockFlagged.rows[0]!.n), "responses dated across 120 days all count").toBe(0);
            for (const fRaw of filters) {
              const f: Filter = {
                ...fRaw,
                from: fRaw.from !== undefined ? dayAgo(Math.max(fRaw.from, fRaw.to ?? 0)) : undefined,
                to: fRaw.to !== undefined ? dayAgo(Math.min(fRaw.to, fRaw.from ?? 120)) : undefined,
              };
              const qs = new URLSearchParams(
                Object.entries({ ...f, includeFlagged: f.includeFlagged ? "1" : undefined }).filter(([, v]) => v !== undefined) as [
                  string,
                  string,
                ][],
              );
              for (const code of [CITY, ...units.map((u) => u.code)]) {
                const res = await t.request(`/api/v1/rates?unit=${code}&${qs}`, { cookie: admin });
                expect(res.status).toBe(200);
                const body = await res.json();
                const expected = bruteForce(raw, new Set(leavesOf(code).concat(code === CITY ? raw.map((r) => r.unit_code) : [])), f);
                for (const k of METRICS) {
                  const e = expected.metrics[k]!;
                  const got = body.metrics[k];
                  expect({ unit: code, k, respondents: got.respondents, answers: got.answers, positive: got.positive }).toEqual({
                    unit: code,
                    k,
                    respondents: e.respondents,
                    answers: e.answers,
                    positive: e.positive,
                  });
                  expect(got.rate).toBe(e.answers ? e.positive / e.answers : null);
                  if (k === "satisfaction") expect(got.score).toBe(e.scoreCount ? e.scoreSum / e.scoreCount : null);
                  const size = f.audience ? (sizes.get(code)?.[SIZE_KEYS[f.audience as keyof typeof SIZE_KEYS]] ?? null) : null;
                  expectPrecision(`${code} ${k}`, got, precisionOf(expected.perRespondent[k]!, body.threshold[k], size));
                  // Mode gap: interview minus QR, whatever channel the read asks for.
                  const leaves = new Set(leavesOf(code).concat(code === CITY ? raw.map((r) => r.unit_code) : []));
                  const [qr, iv] = (["qr", "interview"] as const).map((channel) =>
                    precisionOf(bruteForce(raw, leaves, { ...f, channel }).perRespondent[k]!, body.threshold[k], size),
                  );
                  const gap = got.modeGap;
                  expect({ qr: gap.qr, interview: gap.interview }).toEqual({ qr: qr!.rate, interview: iv!.rate });
                  const diff = qr!.rate === null || iv!.rate === null ? null : iv!.rate - qr!.rate;
                  expect(close(gap.diff, diff), `${code} ${k} diff`).toBe(true);
                  if (diff === null || qr!.variance === null || iv!.variance === null) expect(gap.ci95).toBeNull();
                  else {
                    const half = 1.959964 * Math.sqrt(qr!.variance + iv!.variance);
                    expect(close(gap.ci95[0], diff - half) && close(gap.ci95[1], diff + half), `${code} ${k} gap ci`).toBe(true);
                  }
                }
                for (const q of body.questions) {
                  const e = expected.questions.get(`${q.surveyId}|${q.name}`);
                  expect({ q: q.name, answers: q.answers, positive: q.positive }).toEqual({
                    q: q.name,
                    answers: e?.answers ?? 0,
                    positive: e?.positive ?? 0,
                  });
                }
                expect(body.questions.filter((q: any) => q.answers > 0).length).toBe(
                  [...expected.questions.values()].filter((q) => q.answers > 0).length,
                );
                for (const child of body.children) {
                  const e = bruteForce(raw, new Set(leavesOf(child.unit.code)), f);
                  for (const k of METRICS) expect(child.metrics[k].positive).toBe(e.metrics[k]!.positive);
                  for (const k of METRICS) expect(child.metrics[k].respondents).toBe(e.metrics[k]!.respondents);
                  const size = f.audience ? (sizes.get(child.unit.code)?.[SIZE_KEYS[f.audience as keyof typeof SIZE_KEYS]] ?? null) : null;
                  for (const k of METRICS)
                    expectPrecision(
                      `${child.unit.code} ${k}`,
                      child.metrics[k],
                      precisionOf(e.perRespondent[k]!, child.threshold[k], size),
                    );
                }
              }
            }
            const snapshot = async () => (await t.client.execute("select * from rollups order by key")).rows.map((r) => JSON.stringify(r));
            const before = await snapshot();
            const { responses } = await rebuildRollups(t.db, t.app.services.registry, { batchSize: 7 });
            expect(responses).toBe(raw.length);
            expect(await snapshot()).toEqual(before);
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
