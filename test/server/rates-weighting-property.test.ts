/**
 * Property (issue 13): for a random hierarchy, random resident answers written through the real
 * writer and random census shares set through the API on random units, every unit's and child's
 * `weighted` on /rates?audience=resident equals a recomputation from the raw responses
 * (test/helpers/independent-weighting.ts, nearest ancestor's shares found here) to 1e-9.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { addUnits, type NewUnit } from "../../server/services/units/units";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { createTestApp } from "../helpers/test-app";
import { close, type Respondent } from "../helpers/independent-precision";
import { weightedOf } from "../helpers/independent-weighting";
import { CITY, seedResponse } from "./rates-fixtures";

const METRICS = ["awareness", "support", "participation", "satisfaction"] as const;
const BANDS = ["under18", "18_29", "30_39", "40_49", "50_65", "over65"];
const resident = shippedSurveys.find((s) => s.id === "resident")!.json as any;
interface Def {
  name: string;
  metric: string;
  positive: unknown[];
  excluded: unknown[];
}
const DEFS: Def[] = [];
const walk = (els: any[] = []) => {
  for (const e of els) {
    if (e.metric) DEFS.push({ name: e.name, metric: e.metric, positive: e.positive ?? [], excluded: e.excluded ?? [] });
    walk(e.elements);
  }
};
for (const p of resident.pages) walk(p.elements);

const treeArb = fc.array(fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 });
const responseArb = fc.record({ leaf: fc.nat(), seed: fc.integer(), bias: fc.double({ min: 0, max: 1, noNaN: true }), qr: fc.boolean() });
const sharesArb = fc.record({ unit: fc.nat(), weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }) });

/** Weighted figures with a rate that were compared: the property must not hold vacuously. */
let compared = 0;

describe("weighted rates equal a recomputation from raw responses (property)", () => {
  it("holds for random hierarchies, answers, shares and channels", async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(responseArb, { maxLength: 30 }),
        fc.array(sharesArb, { maxLength: 4 }),
        fc.constantFrom(undefined, "qr", "interview"),
        async (tree, resps, sharesList, channel) => {
          const t = await createTestApp();
          try {
            const admin = await t.login();
            const units: NewUnit[] = [];
            const parent = new Map<string, string>();
            tree.forEach((subs, di) => {
              const dc = `59${di}000000000`;
              units.push({ code: dc, name: `区${di}`, kind: "district", parentCode: CITY });
              subs.forEach((n, si) => {
                const sc = `59${di}0${si + 1}0000000`;
                units.push({ code: sc, name: `街道${di}${si}`, kind: "subdistrict", parentCode: dc });
                for (let ci = 0; ci < n; ci++)
                  units.push({ code: `59${di}0${si + 1}00${ci + 1}0000`, name: `社区${ci}`, kind: "community", parentCode: sc });
              });
            });
            for (const u of units) parent.set(u.code, u.parentCode!);
            await addUnits(t.db, units, new Date());
            const communities = units.filter((u) => u.kind === "community").map((u) => u.code);
            for (const r of resps) {
              const answers = generateAnswers(resident, seededRng(r.seed), { positiveBias: r.bias });
              await seedResponse(t, { unitCode: communities[r.leaf % communities.length]!, answers, channel: r.qr ? "qr" : "interview" });
            }
            const own = new Map<string, Record<string, number>>();
            const all = [CITY, ...units.map((u) => u.code)];
            for (const s of sharesList) {
              const sum = s.weights.reduce((a, b) => a + b, 0);
              if (sum === 0) continue;
              const shares = Object.fromEntries(BANDS.map((b, i) => [b, s.weights[i]! / sum]).filter(([, v]) => (v as number) > 0));
              const code = all[s.unit % all.length]!;
              const res = await t.request(`/api/v1/units/${code}/age-shares`, { method: "PUT", cookie: admin, json: { shares } });
              expect(res.status, await res.clone().text()).toBe(200);
              own.set(code, shares);
            }
            const sharesAt = (code: string): Record<string, number> | undefined => {
              for (let c: string | undefined = code; c; c = parent.get(c)) if (own.has(c)) return own.get(c);
              return undefined;
            };
            const raw = (await t.client.execute("select unit_code, channel, answers from responses where flagged = 0")).rows;
            const leavesUnder = (code: string) =>
              communities.filter((c) => {
                for (let x: string | undefined = c; x; x = parent.get(x)) if (x === code) return true;
                return code === CITY;
              });
            const expected = (code: string, metric: string) => {
              const leaves = new Set(leavesUnder(code));
              const byBand = new Map<string, Respondent[]>();
              for (const r of raw) {
                if (!leaves.has(String(r.unit_code)) || (channel && r.channel !== channel)) continue;
                const answers = JSON.parse(String(r.answers));
                let a = 0;
                let y = 0;
                for (const d of DEFS) {
                  const v = answers[d.name];
                  if (d.metric !== metric || v === undefined || v === null || v === "" || d.excluded.includes(v)) continue;
                  a++;
                  if (d.positive.includes(v)) y++;
                }
                if (a > 0 && typeof answers.age_band === "string")
                  byBand.set(answers.age_band, [...(byBand.get(answers.age_band) ?? []), { a, y }]);
              }
              return byBand;
            };
            const check = (where: string, code: string, got: any) => {
              const shares = sharesAt(code);
              for (const m of METRICS) {
                if (!shares) {
                  expect(got[m], `${where} ${m}`).not.toHaveProperty("weighted");
                  continue;
                }
                const e = weightedOf(expected(code, m), shares);
                const w = got[m].weighted;
                const pairs: [string, number | null, number | null][] = [
                  ["rate", w.rate, e.rate],
                  ["variance", w.variance, e.variance],
                  ["nEff", w.nEff, e.nEff],
                  ["lo", w.ci95[0], e.ci95[0]],
                  ["hi", w.ci95[1], e.ci95[1]],
                  ["respondents", w.respondents, e.respondents],
                ];
                if (e.rate !== null) compared++;
                for (const [k, g, x] of pairs) expect(close(g, x), `${where} ${m} ${k}: ${g} vs ${x}`).toBe(true);
              }
            };
            for (const code of all) {
              const res = await t.request(`/api/v1/rates?unit=${code}&audience=resident${channel ? `&channel=${channel}` : ""}`, {
                cookie: admin,
              });
              expect(res.status).toBe(200);
              const body = await res.json();
              check(code, code, body.metrics);
              for (const child of body.children)
                if (parent.get(child.unit.code) === code) check(`${code}>${child.unit.code}`, child.unit.code, child.metrics);
            }
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 10 },
    );
    expect(compared).toBeGreaterThan(10);
  }, 240_000);
});
