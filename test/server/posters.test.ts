import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTarget, itInProcess, type Target } from "../helpers/target";
import { countRows, DEMO } from "../helpers/fixtures";

let t: Target;
let admin: string;
beforeEach(async () => {
  t = await createTarget();
  admin = await t.login();
});
afterEach(() => t.close());

const createPoster = (json: unknown, cookie?: string) => t.request("/api/v1/posters", { method: "POST", json, cookie });

describe("posters", () => {
  it("creates a poster (201) whose url is the respondent link /q/:token", async () => {
    const res = await createPoster({ unitCode: DEMO.community, surveyId: "resident" }, admin);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ id: expect.any(String), token: expect.any(String), url: `${t.origin}/q/${body.token}` });
    expect(body.token.startsWith(`${body.id}.`)).toBe(true);
  });

  itInProcess("uses PUBLIC_URL for links when set", async () => {
    t.close();
    t = await createTarget({ env: { PUBLIC_URL: "https://cw.example.cn/" } });
    admin = await t.login();
    const body = await (await createPoster({ unitCode: DEMO.community, surveyId: "resident" }, admin)).json();
    expect(body.url).toBe(`https://cw.example.cn/q/${body.token}`);
  });

  it("resolves a token to its unit and the survey's current version", async () => {
    const { token } = await t.createPoster(admin, DEMO.community, "resident");
    const res = await t.request(`/api/v1/q/${token}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.unit).toMatchObject({ code: DEMO.community, name: "民主社区", fullName: "大渡口区 新山村街道 民主社区" });
    expect(body.survey).toMatchObject({ id: "resident", version: 1, audience: "resident" });
    expect(body.survey.json.pages.length).toBeGreaterThan(1);
  });

  it("answers 404 for forged, unknown and malformed tokens", async () => {
    const { token, id } = await t.createPoster(admin, DEMO.community, "resident");
    const other = await t.createPoster(admin, DEMO.community2, "resident");
    // Another poster's signature on this id, a made-up id, garbage.
    for (const bad of [`${id}.${other.token.split(".")[1]}`, `AAAAAAAAAAAA.${token.split(".")[1]}`, "garbage", "%00", "a.b.c"]) {
      const res = await t.request(`/api/v1/q/${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });

  it("lets an office user create posters within their scope only; interviewers and anonymous users not at all", async () => {
    const office = await t.createUser(admin, { username: "office", password: "password-123", role: "office", scope: DEMO.xinshancun });
    const interviewer = await t.createUser(admin, {
      username: "iv",
      password: "password-123",
      role: "interviewer",
      scope: DEMO.xinshancun,
    });
    expect((await createPoster({ unitCode: DEMO.community, surveyId: "resident" }, office)).status).toBe(201);
    expect((await createPoster({ unitCode: DEMO.otherSubdistrictCommunity, surveyId: "resident" }, office)).status).toBe(403);
    expect((await createPoster({ unitCode: DEMO.community, surveyId: "resident" }, interviewer)).status).toBe(403);
    expect((await createPoster({ unitCode: DEMO.community, surveyId: "resident" })).status).toBe(401);
  });

  it("refuses unknown units and surveys, non-leaf units and audiences that do not fit, with 422", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ unitCode: "999999999999", surveyId: "resident" }, "unknown_unit"],
      [{ unitCode: DEMO.community, surveyId: "nosuch" }, "unknown_survey"],
      [{ unitCode: DEMO.xinshancun, surveyId: "resident" }, "unit_not_leaf"],
      [{ unitCode: DEMO.community, surveyId: "parent" }, "audience_mismatch"],
      [{ unitCode: DEMO.school, surveyId: "resident" }, "audience_mismatch"],
      [{ unitCode: "bad code!", surveyId: "resident" }, "invalid_request"],
      [{ unitCode: DEMO.community }, "invalid_request"],
    ];
    for (const [json, code] of cases) {
      const res = await createPoster(json, admin);
      expect(res.status, code).toBe(422);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await countRows(t, "posters")).toBe(3); // the demo posters only
  });

  it("serves the QR code as SVG to users in scope", async () => {
    const { id } = await t.createPoster(admin, DEMO.community, "resident");
    const res = await t.request(`/api/v1/posters/${id}/qr.svg`, { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/<path/);
    expect((await t.request(`/api/v1/posters/${id}/qr.svg`)).status).toBe(401);
    expect((await t.request(`/api/v1/posters/nope/qr.svg`, { cookie: admin })).status).toBe(404);
    const outsider = await t.createUser(admin, { username: "qj", password: "password-123", role: "office", scope: DEMO.qijiang });
    expect((await t.request(`/api/v1/posters/${id}/qr.svg`, { cookie: outsider })).status).toBe(403);
  });
});

describe("surveys and units", () => {
  it("lists the current version of each shipped survey", async () => {
    const res = await t.request("/api/v1/surveys");
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.map((s: { id: string }) => s.id).sort()).toEqual(["parent", "resident", "shopkeeper"]);
    for (const s of list)
      expect(s).toEqual({ id: s.id, version: 1, audience: s.id, title: expect.stringMatching(/问卷/), retiredAt: null });
  });

  it("serves a survey's current version and any published version; 404 otherwise", async () => {
    const current = await t.request("/api/v1/surveys/resident");
    expect(current.status).toBe(200);
    const body = await current.json();
    expect(Object.keys(body).sort()).toEqual(["audience", "id", "json", "version"]);
    expect((await t.request("/api/v1/surveys/resident/versions/1")).status).toBe(200);
    expect((await t.request("/api/v1/surveys/resident/versions/2")).status).toBe(404);
    expect((await t.request("/api/v1/surveys/resident/versions/abc")).status).toBe(404);
    expect((await t.request("/api/v1/surveys/nosuch")).status).toBe(404);
  });

  it("describes a unit with its children to users whose scope holds it", async () => {
    const res = await t.request(`/api/v1/units/${DEMO.xinshancun}`, { cookie: admin });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ code: DEMO.xinshancun, name: "新山村街道", kind: "subdistrict", parentCode: DEMO.dadukou });
    expect(body.children.map((c: { kind: string }) => c.kind)).toEqual(["community", "community", "community", "community"]);
    const interviewer = await t.createUser(admin, {
      username: "iv2",
      password: "password-123",
      role: "interviewer",
      scope: DEMO.xinshancun,
    });
    expect((await t.request(`/api/v1/units/${DEMO.community}`, { cookie: interviewer })).status).toBe(200);
    expect((await t.request(`/api/v1/units/${DEMO.dadukou}`, { cookie: interviewer })).status).toBe(403);
    expect((await t.request(`/api/v1/units/${DEMO.community}`)).status).toBe(401);
    expect((await t.request(`/api/v1/units/000000000009`, { cookie: admin })).status).toBe(404);
  });

  it("lists schools under their district", async () => {
    const body = await (await t.request(`/api/v1/units/${DEMO.dadukou}`, { cookie: admin })).json();
    expect(body.children.filter((c: { kind: string }) => c.kind === "school").length).toBeGreaterThanOrEqual(3);
  });
});
