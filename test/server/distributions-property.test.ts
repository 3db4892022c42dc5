/**
 * Property: for random responses sent through the real POST /api/v1/responses, every unit's
 * GET /rates/distributions and GET /rates/crosstab equal a recount over the raw responses
 * (written here from the survey JSON and issue 14, sharing no code with the server), under random
 * filters; and a rollup rebuild reproduces the distributions the writer kept incrementally.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { createTestApp } from "../helpers/test-app";
import { CITY, DADUKOU, GANGHUA, MINZHU, QIJIANG, SCHOOL, WENLONG_COMMUNITY, XINSHANCUN } from "./rates-fixtures";

type Kind = "single" | "multi" | "numeric";
interface Def {
  name: string;
  kind: Kind;
  metric?: { positive: unknown[]; excluded: unknown[] };
}
const PROFILES = ["age_band", "residence_years", "identity", "shop_type", "operating_years", "respondent_role", "relation", "grade_band"];

/** The counted questions of a survey JSON, read independently of the server's extraction. */
function defsOf(json: any): Def[] {
  const out: Def[] = [];
  const walk = (els: any[] = []) => {
    for (const e of els) {
      const kind: Kind | undefined =
        e.type === "checkbox"
          ? "multi"
          : e.type === "text" && e.inputType === "number"
            ? "numeric"
            : ["radiogroup", "dropdown", "boolean", "rating"].includes(e.type)
              ? "single"
              : undefined;
      if (kind) out.push({ name: e.name, kind, metric: e.metric ? { positive: e.positive ?? [], excluded: e.excluded ?? [] } : undefined });
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

const key = (v: unknown) => JSON.stringify(v);
const empty = (v: unknown) => v === undefined || v === null || v === "";

function selected(rows: Raw[], leaves: Set<string>, f: Filter, surveyId: string) {
  return rows
    .filter(
      (r) =>
        leaves.has(r.unit_code) &&
        r.survey_id === surveyId &&
        (!f.channel || r.channel === f.channel) &&
        (!f.from || r.day >= f.from) &&
        (!f.to || r.day <= f.to) &&
        (f.includeFlagged || !r.flagged),
    )
    .map((r) => JSON.parse(r.answers) as Record<string, unknown>);
}

/** Type-7 quantile over sorted values. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function wilson(p: number, n: number): [number, number] {
  const z = 1.959964;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

const responseArb = fc.record({
  leaf: fc.nat(),
  audience: fc.constantFrom("resident", "shopkeeper", "parent"),
  channel: fc.constantFrom("qr", "interview"),
  daysAgo: fc.integer({ min: 0, max: 70 }),
  device: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer(),
  bias: fc.double({ min: 0, max: 1, noNaN: true }),
});

const filterArb = fc.record(
  {
    audience: fc.constantFrom("resident", "shopkeeper", "parent"),
    channel: fc.constantFrom("qr", "interview"),
    from: fc.integer({ min: 0, max: 70 }),
    to: fc.integer({ min: 0, max: 70 }),
    includeFlagged: fc.boolean(),
  },
  { requiredKeys: [] },
);

const dayAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

/** The demo tree's units read here, from the city down to leaves. */
const UNITS = [CITY, DADUKOU, XINSHANCUN, MINZHU, QIJIANG, SCHOOL];

describe("distributions and cross-tabs equal a recount from raw responses (property)", () => {
  it("holds for random responses and filters; rebuild equals incremental", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(responseArb, { minLength: 8, maxLength: 30 }),
        fc.array(filterArb, { minLength: 1, maxLength: 2 }),
        async (resps, filters) => {
          const t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_CLOCK_BACK_HOURS: "0" } });
          await t.client.execute({
            sql: "update survey_versions set published_at = ?",
            args: [new Date(Date.now() - 80 * 86_400_000).toISOString()],
          });
          try {
            const admin = await t.login();
            const posters = new Map<string, string>();
            for (const r of resps) {
              const pool = r.audience === "parent" ? [SCHOOL] : [MINZHU, GANGHUA, WENLONG_COMMUNITY];
              const unit = pool[r.leaf % pool.length]!;
              const survey = shippedSurveys.find((s) => s.id === r.audience)!;
              const version = (await t.app.services.registry.getCurrent(r.audience))!.version;
              const answers = generateAnswers(survey.json, seededRng(r.seed), { positiveBias: r.bias, optionalRate: 0.8 });
              const at = new Date(Date.now() - r.daysAgo * 86_400_000).toISOString();
              let token: string | undefined;
              if (r.channel === "qr") {
                const k = `${unit}|${r.audience}`;
                token = posters.get(k) ?? (await t.createPoster(admin, unit, r.audience)).token;
                posters.set(k, token);
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
                  ...(r.channel === "qr" ? { token } : { unitCode: unit }),
                },
              });
              expect(res.status, await res.clone().text()).toBe(201);
            }
            const raw = (await t.client.execute("select unit_code, survey_id, channel, flagged, day, answers from responses"))
              .rows as unknown as Raw[];

            const check = async () => {
              for (const fRaw of filters) {
                const f: Filter = {
                  ...fRaw,
                  from: fRaw.from !== undefined ? dayAgo(Math.max(fRaw.from, fRaw.to ?? 0)) : undefined,
                  to: fRaw.to !== undefined ? dayAgo(Math.min(fRaw.to, fRaw.from ?? 70)) : undefined,
                };
                const qs = new URLSearchParams(
                  Object.entries({ ...f, includeFlagged: f.includeFlagged ? "1" : undefined }).filter(([, v]) => v !== undefined) as [
                    string,
                    string,
                  ][],
                );
                for (const code of UNITS) {
                  const under = await t.client.execute({ sql: "select descendant from unit_closure where ancestor = ?", args: [code] });
                  const leaves = under.rows.map((r) => String(r.descendant));
                  const res = await t.request(`/api/v1/rates/distributions?unit=${code}&${qs}`, { cookie: admin });
                  expect(res.status).toBe(200);
                  const body = await res.json();
                  const surveys = f.audience ? [f.audience] : ["parent", "resident", "shopkeeper"];
                  expect(body.surveys.map((s: any) => s.id)).toEqual(surveys);
                  for (const s of body.surveys) {
                    const rows = selected(raw, new Set(leaves), f, s.id);
                    for (const d of DEFS[s.id]!) {
                      const got = s.questions.find((q: any) => q.name === d.name);
                      expect(got, `${s.id}.${d.name} listed`).toBeDefined();
                      const counts = new Map<string, number>();
                      const numbers: number[] = [];
                      let n = 0;
                      for (const a of rows) {
                        const v = a[d.name];
                        if (d.kind === "multi") {
                          if (!Array.isArray(v) || v.length === 0) continue;
                          n++;
                          for (const item of new Set(v.map(key))) counts.set(item, (counts.get(item) ?? 0) + 1);
                        } else {
                          if (empty(v)) continue;
                          n++;
                          counts.set(key(v), (counts.get(key(v)) ?? 0) + 1);
                          if (typeof v === "number") numbers.push(v);
                        }
                      }
                      expect({ q: `${code} ${s.id}.${d.name}`, respondents: got.respondents }).toEqual({
                        q: `${code} ${s.id}.${d.name}`,
                        respondents: n,
                      });
                      if (d.kind !== "numeric") {
                        const shown = new Map(got.choices.map((c: any) => [key(c.value), c]));
                        for (const [k, count] of counts) expect((shown.get(k) as any)?.count, `${s.id}.${d.name} ${k}`).toBe(count);
                        for (const c of got.choices) {
                          expect(c.count).toBe(counts.get(key(c.value)) ?? 0);
                          expect(c.share).toBe(n > 0 ? c.count / n : null);
                        }
                      }
                      if (numbers.length > 0 && numbers.length === n) {
                        const sorted = numbers.sort((a, b) => a - b);
                        const want = {
                          count: n,
                          mean: sorted.reduce((x, y) => x + y, 0) / n,
                          min: sorted[0]!,
                          q1: quantile(sorted, 0.25),
                          median: quantile(sorted, 0.5),
                          q3: quantile(sorted, 0.75),
                          max: sorted.at(-1)!,
                        };
                        for (const [k, v] of Object.entries(want)) expect(close(got.numeric[k], v), `${s.id}.${d.name} ${k}`).toBe(true);
                      } else if (n === 0 && d.kind === "numeric") expect(got.numeric).toBeNull();
                    }
                    expect(s.responses).toBe(rows.length);
                  }
                  // Cross-tabs: every profile question of the read's surveys by two metric questions.
                  for (const surveyId of surveys) {
                    const rows = selected(raw, new Set(leaves), f, surveyId);
                    const metrics = DEFS[surveyId]!.filter((d) => d.metric);
                    for (const by of DEFS[surveyId]!.filter((d) => PROFILES.includes(d.name))) {
                      for (const m of [metrics[0]!, metrics[(code.length + by.name.length) % metrics.length]!]) {
                        const cq = new URLSearchParams(qs);
                        cq.set("audience", surveyId);
                        cq.set("question", m.name);
                        cq.set("by", by.name);
                        const cr = await t.request(`/api/v1/rates/crosstab?unit=${code}&${cq}`, { cookie: admin });
                        expect(cr.status, await cr.clone().text()).toBe(200);
                        const cb = await cr.json();
                        const want = new Map<string, { n: number; positive: number }>();
                        for (const a of rows) {
                          const p = a[by.name];
                          const v = a[m.name];
                          if (empty(p) || empty(v) || m.metric!.excluded.includes(v)) continue;
                          const cell = want.get(key(p)) ?? { n: 0, positive: 0 };
                          cell.n++;
                          if (m.metric!.positive.includes(v)) cell.positive++;
                          want.set(key(p), cell);
                        }
                        for (const k of want.keys())
                          expect(
                            cb.columns.some((c: any) => key(c.value) === k),
                            `${by.name} ${k} shown`,
                          ).toBe(true);
                        for (const c of cb.columns) {
                          const e = want.get(key(c.value)) ?? { n: 0, positive: 0 };
                          expect({ col: `${code} ${m.name}×${by.name}=${c.label}`, n: c.n, positive: c.positive, low: c.low }).toEqual({
                            col: `${code} ${m.name}×${by.name}=${c.label}`,
                            ...e,
                            low: e.n < 30,
                          });
                          if (e.n === 0) expect([c.rate, c.ci95]).toEqual([null, null]);
                          else {
                            expect(c.rate).toBe(e.positive / e.n);
                            const [lo, hi] = wilson(e.positive / e.n, e.n);
                            expect(close(c.ci95[0], lo) && close(c.ci95[1], hi), `${m.name}×${by.name} ci`).toBe(true);
                          }
                        }
                        const total = [...want.values()].reduce((x, c) => ({ n: x.n + c.n, positive: x.positive + c.positive }), {
                          n: 0,
                          positive: 0,
                        });
                        expect({ n: cb.total.n, positive: cb.total.positive }).toEqual(total);
                      }
                    }
                  }
                }
              }
            };
            await check();
            const snapshot = async () => (await t.client.execute("select * from rollups order by key")).rows.map((r) => JSON.stringify(r));
            const before = await snapshot();
            expect(before.every((r) => JSON.parse(r).dist !== null)).toBe(true);
            await rebuildRollups(t.db, t.app.services.registry, { batchSize: 5 });
            expect(await snapshot()).toEqual(before);
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 240_000);
});
