/**
 * GET /api/v1/rates/ranking against docs/design.md §7, recomputed here from the children's metric
 * objects of GET /api/v1/rates (themselves checked against raw answers in rates-property.test.ts)
 * with a normal quantile of the test's own (bisection on a numerically integrated density).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { wilsonInterval } from "../helpers/independent-precision";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { DADUKOU, getJson, seedResponse } from "./rates-fixtures";

/** Φ(x) by Simpson's rule on the density from 0 (fine steps: 1e-12 is plenty for a quantile check). */
function cdf(x: number): number {
  const steps = 20_000;
  const h = x / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    sum += weight * Math.exp(-((i * h) ** 2) / 2);
  }
  return 0.5 + ((h / 3) * sum) / Math.sqrt(2 * Math.PI);
}
function quantile(p: number): number {
  let [lo, hi] = [0, 10];
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const resident = shippedSurveys.find((s) => s.id === "resident")!.json;
const parent = shippedSurveys.find((s) => s.id === "parent")!.json;

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  const rng = seededRng(13);
  // Subdistricts of 大渡口区 through their communities: different sizes and leanings, one with 7.
  const plan: [string, number, number][] = [
    ["500104001001", 40, 0.95],
    ["500104001002", 30, 0.9],
    ["500104002001", 60, 0.6],
    ["500104003001", 7, 0.2],
    ["500104004001", 45, 0.85],
    ["500104005001", 25, 0.98],
  ];
  // Only eligible residents answer the metric questions (the survey screens out the rest), so n
  // counts eligible answer sets: the small subdistrict has exactly 7 respondents.
  const eligible = (a: Record<string, unknown>) => !["under18", "over65"].includes(String(a.age_band)) && a.residence_years !== "lt_half";
  for (const [unitCode, n, bias] of plan) {
    for (let seeded = 0; seeded < n; ) {
      const answers = generateAnswers(resident, rng, { positiveBias: bias });
      if (!eligible(answers)) continue;
      await seedResponse(t, { unitCode, answers });
      seeded++;
    }
  }
  for (const [unitCode, n, bias] of [
    ["500104S01", 12, 0.9],
    ["500104S02", 35, 0.5],
  ] as const)
    for (let i = 0; i < n; i++)
      await seedResponse(t, { unitCode, surveyId: "parent", answers: generateAnswers(parent, rng, { positiveBias: bias }) });
}, 120_000);
afterAll(() => t.close());

describe("GET /api/v1/rates/ranking (§7)", () => {
  for (const metric of ["satisfaction", "awareness", "support"] as const) {
    it(`ranks subdistricts by default for ${metric}, never mixing schools in, as §7 defines`, async () => {
      const rates = await getJson(t, `/api/v1/rates?unit=${DADUKOU}`, admin);
      const { status, body } = await getJson(t, `/api/v1/rates/ranking?unit=${DADUKOU}&metric=${metric}`, admin);
      expect(status).toBe(200);
      expect(body.kind).toBe("subdistrict");
      expect(body.kinds).toEqual(["subdistrict", "school"]);
      const threshold = rates.body.threshold[metric];
      expect(body.threshold).toBe(threshold);
      const children = rates.body.children.filter((c: any) => c.unit.kind === "subdistrict" && c.metrics[metric].respondents > 0);
      expect(body.rows.map((r: any) => r.unit.code).sort()).toEqual(children.map((c: any) => c.unit.code).sort());
      expect(body.rows.every((r: any) => r.unit.kind === "subdistrict")).toBe(true);

      const K = children.length;
      const z = quantile(1 - 0.025 / K);
      const wide = new Map<string, [number, number]>(
        children.map((c: any) => [c.unit.code, wilsonInterval(c.metrics[metric].rate, c.metrics[metric].nEff, z)]),
      );
      for (const row of body.rows) {
        const m = children.find((c: any) => c.unit.code === row.unit.code).metrics[metric];
        const mine = wide.get(row.unit.code)!;
        const others = [...wide.values()];
        expect(row.rate).toBe(m.rate);
        expect(row.respondents).toBe(m.respondents);
        expect(row.nEff).toBe(m.nEff);
        expect(row.ci95Design).toEqual(m.ci95Design);
        expect(row.reliability).toBe(m.reliability);
        expect(row.rank).toBe(1 + children.filter((c: any) => c.metrics[metric].rate > m.rate).length);
        expect(row.rankInterval).toEqual([
          1 + others.filter((w) => w[0] > mine[1]).length,
          K - others.filter((w) => w[1] < mine[0]).length,
        ]);
        const band = m.ci95Design[0] >= threshold ? "above" : m.ci95Design[1] < threshold ? "below" : "within";
        expect(row.band).toBe(band);
        const s = Math.sqrt((threshold * (1 - threshold)) / m.nEff);
        const funnel =
          m.rate < threshold - 3.090232 * s
            ? "below99.8"
            : m.rate < threshold - 1.959964 * s
              ? "below95"
              : m.rate > threshold + 3.090232 * s
                ? "above99.8"
                : m.rate > threshold + 1.959964 * s
                  ? "above95"
                  : "within";
        expect(row.funnel).toBe(funnel);
        expect(row.mayNameLowest).toBe(band === "below" && m.reliability !== "low");
        expect(row.mayNameBest).toBe(band === "above");
        expect(row.rankInterval[0]).toBeLessThanOrEqual(row.rank);
        expect(row.rankInterval[1]).toBeGreaterThanOrEqual(row.rank);
      }
      // Best first.
      expect(body.rows.map((r: any) => r.rank)).toEqual([...body.rows.map((r: any) => r.rank)].sort((a, b) => a - b));
    });
  }

  it("ranks schools only when asked, and a unit of 7 respondents is never one a report may name lowest", async () => {
    const { body } = await getJson(t, `/api/v1/rates/ranking?unit=${DADUKOU}&metric=satisfaction&kind=school`, admin);
    expect(body.kind).toBe("school");
    expect(body.rows.map((r: any) => r.unit.code).sort()).toEqual(["500104S01", "500104S02"]);
    // Awareness is asked of everyone: all 7 respondents count.
    const small = (await getJson(t, `/api/v1/rates/ranking?unit=${DADUKOU}&metric=awareness`, admin)).body.rows.find(
      (r: any) => r.unit.code === "500104003000",
    );
    expect(small.respondents).toBe(7);
    expect(small.reliability).toBe("low");
    expect(small.mayNameLowest).toBe(false);
  });

  it("refuses a missing or unknown metric and an unknown kind (422), like the other rates reads", async () => {
    for (const q of ["", "&metric=happiness", "&metric=satisfaction&kind=village"]) {
      const res = await t.request(`/api/v1/rates/ranking?unit=${DADUKOU}${q}`, { cookie: admin });
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBeTruthy();
    }
  });
});
