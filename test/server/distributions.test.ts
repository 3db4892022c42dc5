import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { publishSurveys } from "../../server/services/surveys/surveys";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { numericSummary } from "../../server/services/distributions/numeric-summary";
import { wilson } from "../../server/lib/wilson";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { getJson, MINZHU, seedResponse, XINSHANCUN } from "./rates-fixtures";

const resident = shippedSurveys.find((s) => s.id === "resident")!;

/** The resident questionnaire without the 其他 identity and the 公益广告 question, as a later version might publish it. */
function laterVersion(): typeof resident {
  const json = structuredClone(resident.json) as any;
  for (const page of json.pages) {
    for (const el of page.elements) if (el.name === "identity") el.choices = el.choices.filter((c: any) => (c.value ?? c) !== "other");
    page.elements = page.elements.filter((el: any) => el.name !== "sees_psa");
  }
  return { ...resident, json };
}

const question = (body: any, name: string) =>
  body.surveys.find((s: any) => s.id === "resident").questions.find((q: any) => q.name === name);

describe("GET /rates/distributions and /rates/crosstab", () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    const base = { unitCode: MINZHU, surveyId: "resident" };
    const v1 = { age_band: "30_39", household_size: 3, knows_campaign: "yes", sees_psa: "often", overall_rating: 4 };
    await seedResponse(t, { ...base, answers: { ...v1, identity: "other" } });
    await seedResponse(t, {
      ...base,
      answers: { ...v1, identity: "employee", household_size: 5, knows_campaign: "no", overall_rating: 2 },
    });
    // A later version drops a choice and a metric question: answers on the earlier version keep
    // their label, and rows summing both versions keep each question's cross-tab counts.
    await publishSurveys(t.db, [laterVersion()], new Date());
    await seedResponse(t, {
      ...base,
      answers: { age_band: "50_65", household_size: 4, knows_campaign: "yes", info_source: ["tv", "community"] },
    });
    await seedResponse(t, { ...base, answers: { age_band: "30_39", identity: "employee", knows_campaign: "yes" } });
  });
  afterAll(() => t.close());

  it("counts every closed question per choice, across versions, with numeric summaries", async () => {
    const { status, body } = await getJson(t, `/api/v1/rates/distributions?unit=${XINSHANCUN}&audience=resident`, admin);
    expect(status).toBe(200);
    expect(body.surveys.map((s: any) => [s.id, s.responses])).toEqual([["resident", 4]]);
    const identity = question(body, "identity");
    expect(identity.respondents).toBe(3);
    expect(identity.choices.find((c: any) => c.value === "other")).toMatchObject({ label: "其他居民", count: 1, share: 1 / 3 });
    // A question only the earlier version asks is still listed.
    expect(question(body, "sees_psa").choices.find((c: any) => c.value === "often").count).toBe(2);
    const household = question(body, "household_size");
    expect(household.kind).toBe("numeric");
    expect(household.numeric).toEqual({ count: 3, mean: 4, min: 3, q1: 3.5, median: 4, q3: 4.5, max: 5 });
    const rating = question(body, "overall_rating");
    expect(rating.choices.map((c: any) => [c.value, c.count])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
      [4, 1],
      [5, 0],
    ]);
    expect(rating.numeric.mean).toBe(3);
    const source = question(body, "info_source");
    expect(source.kind).toBe("multi");
    expect(source.choices.filter((c: any) => c.count > 0).map((c: any) => c.value)).toEqual(["tv", "community"]);
  });

  it("splits a metric question by a profile question with Wilson intervals, small columns marked", async () => {
    const q = `unit=${XINSHANCUN}&audience=resident&question=knows_campaign&by=age_band`;
    const { status, body } = await getJson(t, `/api/v1/rates/crosstab?${q}`, admin);
    expect(status).toBe(200);
    const col = body.columns.find((c: any) => c.value === "30_39");
    expect(col).toMatchObject({ label: "30–39岁", n: 3, positive: 2, rate: 2 / 3, low: true });
    const [lo, hi] = wilson(2 / 3, 3);
    expect(col.ci95[0]).toBeCloseTo(lo, 12);
    expect(col.ci95[1]).toBeCloseTo(hi, 12);
    expect(body.columns.find((c: any) => c.value === "under18")).toMatchObject({ n: 0, rate: null, ci95: null });
    expect(body.total).toMatchObject({ n: 4, positive: 3 });
    expect(body.minN).toBe(30);
    // The dropped question's counts come from the earlier version's responses in the same rows.
    const psa = await getJson(t, `/api/v1/rates/crosstab?unit=${XINSHANCUN}&audience=resident&question=sees_psa&by=age_band`, admin);
    expect(psa.body.columns.find((c: any) => c.value === "30_39")).toMatchObject({ n: 2, positive: 2 });
    expect(psa.body.total).toMatchObject({ n: 2, positive: 2 });
  });

  it("refuses a question that is no metric question, or a profile the survey does not ask", async () => {
    const notMetric = await getJson(t, `/api/v1/rates/crosstab?unit=${MINZHU}&audience=resident&question=info_source&by=age_band`, admin);
    expect([notMetric.status, notMetric.body.error.code]).toEqual([422, "unknown_question"]);
    const otherSurvey = await getJson(
      t,
      `/api/v1/rates/crosstab?unit=${MINZHU}&audience=resident&question=knows_campaign&by=shop_type`,
      admin,
    );
    expect([otherSurvey.status, otherSurvey.body.error.code]).toEqual([422, "unknown_profile"]);
    const noAudience = await getJson(t, `/api/v1/rates/crosstab?unit=${MINZHU}&question=knows_campaign&by=age_band`, admin);
    expect(noAudience.status).toBe(422);
  });

  it("reads rows written before issue 14 as empty, and a rebuild fills them as the writer did", async () => {
    const snapshot = async () => (await t.client.execute("select key, dist from rollups order by key")).rows.map((r) => JSON.stringify(r));
    const written = await snapshot();
    await t.client.execute("update rollups set dist = null");
    const before = await getJson(t, `/api/v1/rates/distributions?unit=${MINZHU}&audience=resident`, admin);
    expect(before.status).toBe(200);
    expect(question(before.body, "identity").respondents).toBe(0);
    await rebuildRollups(t.db, t.app.services.registry);
    const after = await getJson(t, `/api/v1/rates/distributions?unit=${MINZHU}&audience=resident`, admin);
    expect(question(after.body, "identity").respondents).toBe(3);
    expect(await snapshot()).toEqual(written);
  });
});

describe("numericSummary", () => {
  it("gives type-7 quartiles from a histogram", () => {
    expect(
      numericSummary(
        new Map([
          [1, 2],
          [3, 1],
        ]),
      ),
    ).toEqual({ count: 3, mean: 5 / 3, min: 1, q1: 1, median: 1, q3: 2, max: 3 });
    expect(numericSummary(new Map())).toBeNull();
  });
});
