/**
 * Age weighting of resident rates (issue 13), on cases worked out by hand: the pure estimate from
 * per-band sums, and the same numbers served on /rates for a unit whose shares it inherits.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DesignSums } from "../../server/services/rates/design-precision";
import { weightedRate } from "../../server/services/rates/weighting";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { wilsonInterval } from "../helpers/independent-precision";
import { DADUKOU, getJson, MINZHU, seedResponse, XINSHANCUN } from "./rates-fixtures";

/** Sums of one stratum from its respondents' (a, y). */
const stratum = (...rs: [number, number][]): DesignSums => ({
  respondents: rs.length,
  answers: rs.reduce((s, [a]) => s + a, 0),
  positive: rs.reduce((s, [, y]) => s + y, 0),
  sumA2: rs.reduce((s, [a]) => s + a * a, 0),
  sumY2: rs.reduce((s, [, y]) => s + y * y, 0),
  sumAY: rs.reduce((s, [a, y]) => s + a * y, 0),
});

/*
 * The worked case (metric awareness, four questions each):
 * - 18_29: three respondents (a, y) = (4, 4), (4, 1), (4, 1): r = 6/12 = 0.5; residuals y - r·a =
 *   2, -1, -1, Σ² = 6; v = 3/2 · 6 / 12² = 1/16.
 * - 30_39: one respondent (4, 3): r = 0.75, v = 0.75 · 0.25 / 1 = 0.1875 (fewer than 2).
 * - 40_49: a share of 0.5 but nobody answered: not a stratum.
 * - 50_65: one respondent (4, 0) but no share: weight 0.
 * Shares 0.2 / 0.3 / 0.5: W = 0.2/0.5 = 0.4 and 0.3/0.5 = 0.6; rate = 0.4·0.5 + 0.6·0.75 = 0.65;
 * variance = 0.16/16 + 0.36·0.1875 = 0.01 + 0.0675 = 0.0775; nEff = 0.65·0.35/0.0775.
 */
const SHARES = { "18_29": 0.2, "30_39": 0.3, "40_49": 0.5 };
const RATE = 0.65;
const VARIANCE = 0.0775;
const N_EFF = (0.65 * 0.35) / 0.0775;

describe("weightedRate (issue 13)", () => {
  it("weights the strata present, skips an empty band and a band without a share", () => {
    const w = weightedRate(
      new Map([
        ["18_29", stratum([4, 4], [4, 1], [4, 1])],
        ["30_39", stratum([4, 3])],
        ["50_65", stratum([4, 0])],
      ]),
      SHARES,
    );
    expect(w.rate).toBeCloseTo(RATE, 12);
    expect(w.variance).toBeCloseTo(VARIANCE, 12);
    expect(w.nEff).toBeCloseTo(N_EFF, 10);
    const [lo, hi] = wilsonInterval(RATE, N_EFF);
    expect(w.ci95[0]).toBeCloseTo(lo, 10);
    expect(w.ci95[1]).toBeCloseTo(hi, 10);
    // Respondents in strata that carry weight: the 50_65 one does not.
    expect(w.respondents).toBe(4);
    expect(w.designEffect).toBeCloseTo(4 / N_EFF, 10);
  });

  it("with two shares and one stratum empty, is that stratum's own §7 figure", () => {
    // Only 18_29 answered: W = 1, rate 0.5, variance 1/16, nEff = 0.25 · 16 = 4.
    const w = weightedRate(new Map([["18_29", stratum([4, 4], [4, 1], [4, 1])]]), { "18_29": 0.4, "30_39": 0.6 });
    expect(w.rate).toBe(0.5);
    expect(w.variance).toBeCloseTo(1 / 16, 14);
    expect(w.nEff).toBeCloseTo(4, 12);
    expect(w.ci95).toEqual(wilsonInterval(0.5, w.nEff));
  });

  it("uses r(1-r)/n for a stratum of one respondent, and n for nEff when the variance is 0", () => {
    const one = weightedRate(new Map([["30_39", stratum([4, 3])]]), { "30_39": 1 });
    expect(one.variance).toBeCloseTo(0.1875, 14);
    expect(one.nEff).toBeCloseTo(1, 12);
    // All positive: variance 0, nEff falls back to the respondents (§7).
    const all = weightedRate(new Map([["18_29", stratum([2, 2], [3, 3])]]), { "18_29": 1 });
    expect([all.rate, all.variance, all.nEff]).toEqual([1, 0, 2]);
  });

  it("has no rate when no stratum with a share has respondents", () => {
    expect(weightedRate(new Map(), SHARES)).toEqual({
      rate: null,
      ci95: [0, 1],
      nEff: 0,
      variance: null,
      respondents: 0,
      designEffect: null,
    });
    const w = weightedRate(new Map([["50_65", stratum([4, 0])]]), SHARES);
    expect([w.rate, w.respondents]).toEqual([null, 0]);
  });
});

describe("weighted on /rates (issue 13)", () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.login();
  });
  afterEach(() => t.close());

  const awareness = (band: string, answers: [string, string, string, string]) => ({
    age_band: band,
    knows_campaign: answers[0],
    core_values_24: answers[1],
    knows_practice_station: answers[2],
    sees_psa: answers[3],
  });

  async function seedWorkedCase() {
    // (4,4), (4,1), (4,1) in 18_29; (4,3) in 30_39; (4,0) in 50_65.
    for (const a of [
      awareness("18_29", ["yes", "full", "yes", "often"]),
      awareness("18_29", ["yes", "none", "no", "never"]),
      awareness("18_29", ["no", "none", "no", "sometimes"]),
      awareness("30_39", ["yes", "partial", "yes", "never"]),
      awareness("50_65", ["no", "none", "no", "never"]),
    ])
      await seedResponse(t, { unitCode: MINZHU, answers: a });
  }

  it("serves the worked case on a community that inherits its district's shares, and on children", async () => {
    await seedWorkedCase();
    const put = await t.request(`/api/v1/units/${DADUKOU}/age-shares`, { method: "PUT", cookie: admin, json: { shares: SHARES } });
    expect(put.status, await put.clone().text()).toBe(200);

    const { body } = await getJson(t, `/api/v1/rates?unit=${MINZHU}&audience=resident`, admin);
    const m = body.metrics.awareness;
    expect(m.rate).toBe(9 / 20); // unweighted: pooled over all five
    expect(m.weighted.rate).toBeCloseTo(RATE, 12);
    expect(m.weighted.variance).toBeCloseTo(VARIANCE, 12);
    expect(m.weighted.nEff).toBeCloseTo(N_EFF, 10);
    expect(m.weighted.ci95[0]).toBeCloseTo(wilsonInterval(RATE, N_EFF)[0], 10);
    expect(m.weighted.respondents).toBe(4);
    // A metric nobody answered: weighted, without a rate.
    expect(body.metrics.support.weighted).toEqual({
      rate: null,
      ci95: [0, 1],
      nEff: 0,
      variance: null,
      respondents: 0,
      designEffect: null,
    });

    // The subdistrict's child row for 民主社区 carries the same figure.
    const sub = await getJson(t, `/api/v1/rates?unit=${XINSHANCUN}&audience=resident`, admin);
    expect(sub.body.metrics.awareness.weighted.rate).toBeCloseTo(RATE, 12);
    const child = sub.body.children.find((c: any) => c.unit.code === MINZHU);
    expect(child.metrics.awareness.weighted.rate).toBeCloseTo(RATE, 12);
    expect(child.metrics.awareness.weighted.nEff).toBeCloseTo(N_EFF, 10);
  });

  it("is absent without audience=resident or without shares up the tree", async () => {
    await seedWorkedCase();
    const none = await getJson(t, `/api/v1/rates?unit=${MINZHU}&audience=resident`, admin);
    expect(none.body.metrics.awareness).not.toHaveProperty("weighted");
    await t.request(`/api/v1/units/${DADUKOU}/age-shares`, { method: "PUT", cookie: admin, json: { shares: SHARES } });
    for (const q of ["", "&audience=shopkeeper"]) {
      const { body } = await getJson(t, `/api/v1/rates?unit=${MINZHU}${q}`, admin);
      expect(body.metrics.awareness, q).not.toHaveProperty("weighted");
      expect(body.metrics.awareness.rate, q).toBe(q ? null : 9 / 20);
    }
  });

  it("uses the nearest ancestor's shares, not a mix", async () => {
    await seedWorkedCase();
    await t.request(`/api/v1/units/${DADUKOU}/age-shares`, { method: "PUT", cookie: admin, json: { shares: SHARES } });
    // The subdistrict's own shares put all weight on 30_39 (its 18_29 share is absent, not inherited).
    await t.request(`/api/v1/units/${XINSHANCUN}/age-shares`, { method: "PUT", cookie: admin, json: { shares: { "30_39": 1 } } });
    const { body } = await getJson(t, `/api/v1/rates?unit=${MINZHU}&audience=resident`, admin);
    expect(body.metrics.awareness.weighted.rate).toBe(0.75);
    expect(body.metrics.awareness.weighted.variance).toBeCloseTo(0.1875, 14);
    const district = await getJson(t, `/api/v1/rates?unit=${DADUKOU}&audience=resident`, admin);
    expect(district.body.metrics.awareness.weighted.rate).toBeCloseTo(RATE, 12);
  });
});
