/**
 * The API fields behind issue 15's office screens: the unit search of the unit picker
 * (GET /units?q=), the ranking's kindsForAudience and default kind under an audience, and the
 * plan's audience target, holdsAudience and §7 neededN (the same figure as the card's 还需 N).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eligibleAnswers } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { DADUKOU, getJson, MINZHU, QIJIANG, SCHOOL, seedResponse, XINSHANCUN } from "./rates-fixtures";

describe("office screens API", () => {
  let t: TestApp;
  let admin: string;
  let office: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    office = await t.createUser(admin, { username: "ddk", password: "office-pass-1", role: "office", scope: DADUKOU });
    for (let i = 0; i < 12; i++) await seedResponse(t, { unitCode: MINZHU, answers: eligibleAnswers("resident") });
    for (let i = 0; i < 6; i++) await seedResponse(t, { unitCode: SCHOOL, surveyId: "parent", answers: eligibleAnswers("parent") });
  });
  afterAll(() => t.close());

  describe("GET /units?q=", () => {
    it("finds units by part of the name or the start of the code, inside the caller's scope, with their path", async () => {
      const byName = await getJson(t, "/api/v1/units?q=民主", office);
      expect(byName.status).toBe(200);
      expect(byName.body.under).toEqual({ code: DADUKOU, name: "大渡口区", kind: "district" });
      expect(byName.body.units).toEqual([
        { code: MINZHU, name: "民主社区", kind: "community", parentCode: XINSHANCUN, path: "新山村街道" },
      ]);
      const byCode = await getJson(t, `/api/v1/units?q=${XINSHANCUN.slice(0, 9)}`, office);
      expect(byCode.body.units[0]).toMatchObject({ code: XINSHANCUN, kind: "subdistrict", path: "" });
      expect(byCode.body.units.every((u: { code: string }) => u.code.startsWith(XINSHANCUN.slice(0, 9)))).toBe(true);
      // 綦江区 has an 实验小学 too, outside this office's district: never listed.
      const schools = await getJson(t, "/api/v1/units?q=实验小学", office);
      expect(schools.body.units.map((u: { code: string }) => u.code)).toEqual([SCHOOL]);
      const city = await getJson(t, "/api/v1/units?q=实验小学", admin);
      expect(city.body.units.map((u: { path: string }) => u.path)).toEqual(["大渡口区", "綦江区"]);
    });

    it("treats % and _ as characters, answers nothing for an empty query, refuses outside the scope", async () => {
      expect((await getJson(t, "/api/v1/units?q=%25", office)).body.units).toEqual([]);
      expect((await getJson(t, "/api/v1/units?q=_", office)).body.units).toEqual([]);
      expect((await getJson(t, "/api/v1/units", office)).body).toEqual({
        under: { code: DADUKOU, name: "大渡口区", kind: "district" },
        units: [],
      });
      expect((await getJson(t, `/api/v1/units?q=社区&under=${QIJIANG}`, office)).status).toBe(403);
      expect((await getJson(t, "/api/v1/units?q=社区&under=999999999999", office)).status).toBe(404);
      expect((await getJson(t, `/api/v1/units?q=${"长".repeat(41)}`, office)).status).toBe(422);
      const many = await getJson(t, "/api/v1/units?q=社区", admin);
      expect(many.body.units.length).toBe(30);
    });
  });

  describe("ranking under an audience", () => {
    it("offers only the kinds that can hold the audience's answers and ranks one of them by default", async () => {
      const all = await getJson(t, `/api/v1/rates/ranking?unit=${DADUKOU}&metric=awareness`, office);
      expect(all.body.kinds).toEqual(["subdistrict", "school"]);
      expect(all.body.kindsForAudience).toEqual(["subdistrict", "school"]);
      const resident = await getJson(t, `/api/v1/rates/ranking?unit=${DADUKOU}&metric=awareness&audience=resident`, office);
      expect(resident.body).toMatchObject({ kind: "subdistrict", kinds: ["subdistrict", "school"], kindsForAudience: ["subdistrict"] });
      const parent = await getJson(t, `/api/v1/rates/ranking?unit=${DADUKOU}&metric=awareness&audience=parent`, office);
      expect(parent.body).toMatchObject({ kind: "school", kindsForAudience: ["school"] });
      expect(parent.body.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual([SCHOOL]);
      // An explicit kind is still honoured (the page then says why it is empty).
      const asked = await getJson(t, `/api/v1/rates/ranking?unit=${DADUKOU}&metric=awareness&audience=resident&kind=school`, office);
      expect(asked.body).toMatchObject({ kind: "school", rows: [] });
    });
  });

  describe("plan under an audience", () => {
    it("sets residents against the communities' targets, marks schools as not holding them, and carries §7 neededN", async () => {
      const [plan, rates, all] = await Promise.all([
        getJson(t, `/api/v1/rates/plan?unit=${DADUKOU}&audience=resident`, office),
        getJson(t, `/api/v1/rates?unit=${DADUKOU}&audience=resident`, office),
        getJson(t, `/api/v1/rates/plan?unit=${DADUKOU}`, office),
      ]);
      const schools = all.body.children.filter((c: { unit: { kind: string } }) => c.unit.kind === "school");
      const schoolTargets = schools.reduce((s: number, c: { target: number }) => s + c.target, 0);
      expect(schoolTargets).toBeGreaterThan(0);
      // The existing field keeps its meaning; the added one counts the audience's leaves only.
      expect(plan.body.target).toBe(all.body.target);
      expect(plan.body.audienceTarget).toBe(all.body.target - schoolTargets);
      expect(plan.body.audienceProgress).toBeCloseTo(plan.body.responses / plan.body.audienceTarget, 12);
      expect(plan.body.holdsAudience).toBe(true);
      const school = plan.body.children.find((c: { unit: { code: string } }) => c.unit.code === SCHOOL);
      expect(school).toMatchObject({ holdsAudience: false, audienceTarget: null, audienceProgress: null });
      for (const m of ["awareness", "support", "participation", "satisfaction"]) {
        expect(plan.body.metrics[m].neededN).toBe(rates.body.metrics[m].neededN);
      }
      // Without an audience: the audience fields are the unfiltered ones.
      expect(all.body).toMatchObject({ holdsAudience: true, audienceTarget: all.body.target, audienceProgress: all.body.progress });
      const parent = await getJson(t, `/api/v1/rates/plan?unit=${DADUKOU}&audience=parent`, office);
      expect(parent.body.audienceTarget).toBe(schoolTargets);
      expect(parent.body.children.find((c: { unit: { code: string } }) => c.unit.code === XINSHANCUN).holdsAudience).toBe(false);
    });
  });
});
