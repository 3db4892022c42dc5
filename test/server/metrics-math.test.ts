import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classifyAnswer, type MetricQuestion } from "../../server/services/rates/metric-definitions";
import { designVariance, effectiveSize } from "../../server/services/rates/design-precision";
import { metricResult } from "../../server/services/rates/metric-status";
import { intervalDecides, respondentsToDecide, wilson, Z95 } from "../../server/lib/wilson";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { CITY, GANGHUA, getJson, MINZHU, QIJIANG, seedResponse, XINSHANCUN } from "./rates-fixtures";

const sums = (respondents: number, answers: number, positive: number, scoreSum = 0, scoreCount = 0) => ({
  respondents,
  answers,
  positive,
  scoreSum,
  scoreCount,
  // Unknown per-respondent sums: these tests are about the §5 fields only.
  sumA2: Number.NaN,
  sumY2: Number.NaN,
  sumAY: Number.NaN,
});

describe("Wilson interval (z = 1.959964)", () => {
  it("matches hand-computed bounds", () => {
    expect(Z95).toBe(1.959964);
    // p = 0.9, n = 100: center 0.885203, half-width 0.059568.
    const [lo, hi] = wilson(0.9, 100);
    expect(lo).toBeCloseTo(0.8256343378, 9);
    expect(hi).toBeCloseTo(0.9447708632, 9);
    // p = 1, n = 20: lo = n / (n + z^2) = 20 / 23.841459, hi = 1.
    expect(wilson(1, 20)[0]).toBeCloseTo(20 / (20 + 1.959964 ** 2), 12);
    expect(wilson(1, 20)[1]).toBe(1);
    // Symmetric around 0.5.
    expect(wilson(0.5, 10)[0]).toBeCloseTo(0.236593089, 9);
    expect(wilson(0.5, 10)[1]).toBeCloseTo(0.763406911, 9);
    // p = 0, n = 5: hi = z^2 / (n + z^2).
    expect(wilson(0, 5)[0]).toBeCloseTo(0, 12);
    expect(wilson(0, 5)[1]).toBeCloseTo(1.959964 ** 2 / (5 + 1.959964 ** 2), 12);
  });

  it("knows nothing at n = 0", () => {
    expect(wilson(0.5, 0)).toEqual([0, 1]);
  });

  it("finds the sample size that decides", () => {
    // All positive against 90%: n / (n + z^2) >= 0.9 first at n = 35 (34 gives 0.89849).
    expect(respondentsToDecide(1, 0.9)).toBe(35);
    expect(intervalDecides(wilson(1, 34), 0.9)).toBe(false);
    expect(intervalDecides(wilson(1, 35), 0.9)).toBe(true);
    expect(respondentsToDecide(0.9, 0.9)).toBeNull();
    // 0.95 against 0.9: Wilson lo(0.95, 400) = 0.92404 decides; the edge lies below 400.
    const n = respondentsToDecide(0.95, 0.9)!;
    expect(n).toBeLessThan(400);
    expect(wilson(0.95, n)[0]).toBeGreaterThanOrEqual(0.9);
    expect(wilson(0.95, n - 1)[0]).toBeLessThan(0.9);
  });
});

describe("metric status (docs/design.md §5)", () => {
  it("is insufficient below minRespondents, whatever the rate", () => {
    const m = metricResult("awareness", sums(19, 19, 19), 0.9, 20);
    expect(m.status).toBe("insufficient");
    expect(m.rate).toBe(1);
  });
  it("passes at rate >= threshold (equality passes) and fails below", () => {
    expect(metricResult("support", sums(20, 20, 18), 0.9, 20).status).toBe("pass"); // 0.9 exactly
    expect(metricResult("support", sums(20, 20, 17), 0.9, 20).status).toBe("fail");
  });
  it("is certain only when the whole interval is on one side", () => {
    const pass = metricResult("awareness", sums(400, 400, 380), 0.9, 20); // ci [0.924, 0.967]
    expect(pass).toMatchObject({ status: "pass", certain: true });
    const unsure = metricResult("awareness", sums(20, 20, 19), 0.9, 20); // ci [0.764, 0.991]
    expect(unsure).toMatchObject({ status: "pass", certain: false });
    const fail = metricResult("awareness", sums(100, 100, 50), 0.9, 20);
    expect(fail).toMatchObject({ status: "fail", certain: true });
  });
  it("uses p = positive/answers but n = respondents", () => {
    // 15 respondents gave 30 answers, 27 positive: p = 0.9, n = 15.
    const m = metricResult("participation", sums(15, 30, 27), 0.9, 10);
    expect(m.rate).toBeCloseTo(0.9, 12);
    expect(m.ci95[0]).toBeCloseTo(0.6603313992, 9);
    expect(m.ci95[1]).toBeCloseTo(0.9765619579, 9);
  });
  it("has a null rate and [0, 1] with no answers", () => {
    const m = metricResult("satisfaction", sums(0, 0, 0), 0.9, 20);
    expect(m).toEqual({
      respondents: 0,
      answers: 0,
      positive: 0,
      rate: null,
      ci95: [0, 1],
      status: "insufficient",
      certain: false,
      score: null,
      // §7: nothing is known, and nothing can be planned.
      variance: null,
      nEff: 0,
      ci95Design: [0, 1],
      certainDesign: false,
      reliability: "low",
      neededN: null,
    });
  });
  it("gives satisfaction a score: mean over scored counted answers", () => {
    expect(metricResult("satisfaction", sums(2, 3, 2, 240, 3), 0.9, 20).score).toBe(80);
    expect(metricResult("awareness", sums(2, 3, 2), 0.9, 20)).not.toHaveProperty("score");
  });
});

describe("classifyAnswer", () => {
  const q: MetricQuestion = {
    name: "sat_x",
    metric: "satisfaction",
    title: "x",
    positive: ["vs", "s"],
    excluded: ["unknown"],
    scores: { vs: 100, s: 80, n: 60 },
  };
  it("drops excluded and empty values from the denominator", () => {
    expect(classifyAnswer(q, "unknown")).toEqual({ counted: false, positive: false, score: null });
    expect(classifyAnswer(q, null).counted).toBe(false);
    expect(classifyAnswer(q, undefined).counted).toBe(false);
  });
  it("counts other values, positive by strict equality, with their score", () => {
    expect(classifyAnswer(q, "vs")).toEqual({ counted: true, positive: true, score: 100 });
    expect(classifyAnswer(q, "n")).toEqual({ counted: true, positive: false, score: 60 });
    expect(classifyAnswer(q, "vd")).toEqual({ counted: true, positive: false, score: null });
    const rating: MetricQuestion = { ...q, positive: [4, 5], excluded: [], scores: { "5": 100, "4": 80 } };
    expect(classifyAnswer(rating, 5)).toEqual({ counted: true, positive: true, score: 100 });
    expect(classifyAnswer(rating, "5").positive).toBe(false);
  });
});

describe("GET /api/v1/rates numbers, hand-computed", () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.login();
  });
  afterEach(() => t.close());

  it("pools counts across children instead of averaging their rates", async () => {
    // 民主社区: 1 respondent, 4 awareness answers, all positive (rate 1).
    await seedResponse(t, {
      unitCode: MINZHU,
      answers: { knows_campaign: "yes", core_values_24: "full", knows_practice_station: "yes", sees_psa: "often" },
    });
    // 钢花社区: 3 respondents with 1 awareness answer each, 1 positive (rate 1/3).
    for (const v of ["yes", "no", "no"]) await seedResponse(t, { unitCode: GANGHUA, answers: { knows_campaign: v } });
    const { status, body } = await getJson(t, `/api/v1/rates?unit=${XINSHANCUN}`, admin);
    expect(status).toBe(200);
    // Pooled: (4 + 1) / (4 + 3) = 5/7, not the mean of rates (1 + 1/3) / 2 = 2/3.
    expect(body.metrics.awareness).toMatchObject({ respondents: 4, answers: 7, positive: 5, status: "insufficient", certain: false });
    expect(body.metrics.awareness.rate).toBeCloseTo(5 / 7, 12);
    const [lo, hi] = wilson(5 / 7, 4);
    expect(body.metrics.awareness.ci95[0]).toBeCloseTo(lo, 12);
    expect(body.metrics.awareness.ci95[1]).toBeCloseTo(hi, 12);
    const byCode = Object.fromEntries(body.children.map((c: any) => [c.unit.code, c.metrics]));
    expect(byCode[MINZHU].awareness).toMatchObject({ respondents: 1, answers: 4, positive: 4, rate: 1 });
    expect(byCode[GANGHUA].awareness).toMatchObject({ respondents: 3, answers: 3, positive: 1 });
    // Children are all direct children, with or without data.
    expect(body.children).toHaveLength(4);
    expect(body.children.find((c: any) => c.unit.code === "500104001003").metrics.awareness).toMatchObject({
      respondents: 0,
      rate: null,
      ci95: [0, 1],
      status: "insufficient",
    });
    // Untouched metrics: null rate.
    expect(body.metrics.support).toMatchObject({ respondents: 0, answers: 0, rate: null });
    expect(body.metrics.satisfaction.score).toBeNull();
    expect(body.threshold).toEqual({ awareness: 0.9, support: 0.9, participation: 0.9, satisfaction: 0.9 });
    expect(body.minRespondents).toBe(20);
  });

  it("counts satisfaction with scores and leaves excluded values out of the denominator", async () => {
    const survey = (await t.app.services.registry.getCurrent("resident"))!;
    // The shipped survey keeps 不清楚 in the denominator (docs/domain.md strict reading); a survey
    // that marks it `excluded` drops it. Count the same answers both ways.
    const strict = survey.metricQuestions;
    const lenient = strict.map((q) => (q.name === "sat_environment" ? { ...q, excluded: ["unknown"] } : q));
    const answers = [{ sat_environment: "vs" }, { sat_environment: "n" }, { sat_environment: "unknown" }];
    for (const a of answers) await seedResponse(t, { unitCode: MINZHU, answers: a, metricQuestions: strict });
    for (const a of answers) await seedResponse(t, { unitCode: GANGHUA, answers: a, metricQuestions: lenient });
    const strictBody = (await getJson(t, `/api/v1/rates?unit=${MINZHU}`, admin)).body;
    expect(strictBody.metrics.satisfaction).toMatchObject({ respondents: 3, answers: 3, positive: 1, score: 80 });
    expect(strictBody.metrics.satisfaction.rate).toBeCloseTo(1 / 3, 12);
    const lenientBody = (await getJson(t, `/api/v1/rates?unit=${GANGHUA}`, admin)).body;
    // "unknown" is dropped: 2 answers, 1 positive; that respondent has no counted answer.
    expect(lenientBody.metrics.satisfaction).toMatchObject({ respondents: 2, answers: 2, positive: 1, rate: 0.5, score: 80 });
  });

  it("reaches pass and fail with enough respondents, and filters by flag, channel, audience and days", async () => {
    for (let i = 0; i < 20; i++) {
      await seedResponse(t, {
        unitCode: MINZHU,
        answers: { supports_campaign: i < 18 ? "support" : "oppose" },
        day: i < 10 ? "2026-11-02" : "2026-11-20",
      });
    }
    await seedResponse(t, { unitCode: MINZHU, answers: { supports_campaign: "oppose" }, flagged: true });
    await seedResponse(t, { unitCode: MINZHU, answers: { supports_campaign: "oppose" }, channel: "qr" });
    let body = (await getJson(t, `/api/v1/rates?unit=${MINZHU}&channel=interview`, admin)).body;
    expect(body.metrics.support).toMatchObject({ respondents: 20, answers: 20, positive: 18, rate: 0.9, status: "pass", certain: false });
    body = (await getJson(t, `/api/v1/rates?unit=${MINZHU}`, admin)).body;
    expect(body.metrics.support).toMatchObject({ respondents: 21, positive: 18, status: "fail" });
    body = (await getJson(t, `/api/v1/rates?unit=${MINZHU}&includeFlagged=1`, admin)).body;
    expect(body.metrics.support).toMatchObject({ respondents: 22, positive: 18 });
    body = (await getJson(t, `/api/v1/rates?unit=${MINZHU}&from=2026-11-10&to=2026-11-30&channel=interview`, admin)).body;
    expect(body.metrics.support).toMatchObject({ respondents: 10, positive: 8 });
    body = (await getJson(t, `/api/v1/rates?unit=${MINZHU}&audience=shopkeeper`, admin)).body;
    expect(body.metrics.support).toMatchObject({ respondents: 0, rate: null });
    body = (await getJson(t, `/api/v1/rates?unit=${CITY}`, admin)).body;
    expect(body.metrics.support.respondents).toBe(21);
    const qijiang = body.children.find((c: any) => c.unit.code === QIJIANG);
    expect(qijiang.metrics.support.respondents).toBe(0);
    // Questions: per survey + name, weakest first.
    expect(body.questions[0]).toMatchObject({
      surveyId: "resident",
      name: "supports_campaign",
      metric: "support",
      answers: 21,
      positive: 18,
    });
  });

  it("applies admin thresholds and minRespondents", async () => {
    for (let i = 0; i < 5; i++) await seedResponse(t, { unitCode: MINZHU, answers: { knows_campaign: i < 4 ? "yes" : "no" } });
    const put = await t.request("/api/v1/settings/thresholds", {
      method: "PUT",
      cookie: admin,
      json: { threshold: { awareness: 0.75 }, minRespondents: 5 },
    });
    expect(put.status).toBe(200);
    const body = (await getJson(t, `/api/v1/rates?unit=${MINZHU}`, admin)).body;
    expect(body.threshold.awareness).toBe(0.75);
    expect(body.threshold.support).toBe(0.9);
    expect(body.minRespondents).toBe(5);
    expect(body.metrics.awareness).toMatchObject({ rate: 0.8, status: "pass" });
  });
});

describe("§7 design variance at zero spread", () => {
  it("is exactly 0 when every respondent answered alike, so nEff is n and not 10^15", () => {
    // Two respondents, each 2 of 5 positive: r = 0.4 and every residual y - r·a is 0.
    const sums = { respondents: 2, answers: 10, positive: 4, sumA2: 50, sumY2: 8, sumAY: 20 };
    expect(designVariance(sums)).toBe(0);
    expect(effectiveSize(0.4, designVariance(sums), 2)).toBe(2);
    // And 3 of 7 over three respondents (r = 3/7 is not exact in binary).
    const sevens = { respondents: 3, answers: 21, positive: 9, sumA2: 147, sumY2: 27, sumAY: 63 };
    expect(designVariance(sevens)).toBe(0);
  });
});
