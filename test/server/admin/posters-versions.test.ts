import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishSurveys } from "../../../server/services/surveys/surveys";
import { shippedSurveys } from "../../../surveys/index";
import { DEMO, qrBody, validAnswers } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterEach(() => t.close());

describe("posters for a subdistrict, list, page data and QR downloads", () => {
  it("creates one poster per community of 新山村街道 whose links open that community's survey", async () => {
    const res = await t.request("/api/v1/posters/batch", {
      method: "POST",
      cookie: admin,
      json: { subdistrictCode: DEMO.xinshancun, surveyId: "resident" },
    });
    expect(res.status).toBe(201);
    const { posters } = await res.json();
    const communities = (
      await t.client.execute(`select code from units where parent_code = '${DEMO.xinshancun}' and kind = 'community' order by code`)
    ).rows.map((r) => r.code);
    expect(posters.map((p: { unitCode: string }) => p.unitCode)).toEqual(communities);
    for (const p of posters) {
      const token = new URL(p.url).pathname.split("/").pop()!;
      const q = await (await t.request(`/api/v1/q/${token}`)).json();
      expect(q.unit.code).toBe(p.unitCode);
    }

    const list = await (await t.request(`/api/v1/posters?unit=${DEMO.xinshancun}`, { cookie: admin })).json();
    // The demo seed has posters here too; ours are all listed, and nothing from outside the subdistrict.
    const listed = list.posters.map((p: { id: string }) => p.id);
    for (const p of posters) expect(listed).toContain(p.id);
    expect(list.posters.every((p: { unitCode: string }) => communities.includes(p.unitCode))).toBe(true);
    const some = await (await t.request(`/api/v1/posters?ids=${posters[0].id},${posters[1].id}`, { cookie: admin })).json();
    expect(some.posters).toHaveLength(2);

    const page = await (await t.request(`/api/v1/posters/${posters[0].id}`, { cookie: admin })).json();
    expect(page).toMatchObject({
      id: posters[0].id,
      unitCode: DEMO.community,
      unitName: "民主社区",
      fullName: "大渡口区 新山村街道 民主社区",
      url: posters[0].url,
    });
    expect(page.surveyTitle).toEqual(expect.any(String));

    const svg = await t.request(`/api/v1/posters/${posters[0].id}/qr.svg`, { cookie: admin });
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const png = await t.request(`/api/v1/posters/${posters[0].id}/qr.png`, { cookie: admin });
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(
      (await t.client.execute("select action, target from audit_log where action like 'posters.%'")).rows.map((r) => [r.action, r.target]),
    ).toEqual([["posters.create_batch", DEMO.xinshancun]]);
  });

  it("refuses a community (not a subdistrict), a parent survey, other scopes and interviewers", async () => {
    const batch = (json: unknown, cookie = admin) => t.request("/api/v1/posters/batch", { method: "POST", cookie, json });
    expect((await (await batch({ subdistrictCode: DEMO.community, surveyId: "resident" })).json()).error.code).toBe("not_subdistrict");
    expect((await (await batch({ subdistrictCode: DEMO.xinshancun, surveyId: "parent" })).json()).error.code).toBe("audience_mismatch");
    const office = await t.createUser(admin, { username: "qj", password: "office-pass-1", role: "office", scope: DEMO.qijiang });
    expect((await batch({ subdistrictCode: DEMO.xinshancun, surveyId: "resident" }, office)).status).toBe(403);
    const interviewer = await t.createUser(admin, { username: "iv", password: "interview-1", role: "interviewer", scope: DEMO.xinshancun });
    expect((await batch({ subdistrictCode: DEMO.xinshancun, surveyId: "resident" }, interviewer)).status).toBe(403);
  });
});

describe("survey versions: responses per version and what changed", () => {
  it("counts responses per version and describes the changes between two versions", async () => {
    const { token } = await t.createPoster(admin, DEMO.community, "resident");
    expect((await t.request("/api/v1/responses", { method: "POST", json: qrBody(token) })).status).toBe(201);
    const resident = shippedSurveys.find((s) => s.id === "resident")!;
    const json = structuredClone(resident.json) as { title: unknown; pages: { elements: Record<string, unknown>[] }[] };
    // Version 2: a new question, a reworded and extended choice list, a removed question, a new threshold value.
    const knows = json.pages.flatMap((p) => p.elements).find((e) => e.name === "knows_campaign")!;
    knows.choices = [
      { value: "yes", text: "知道的" },
      { value: "no", text: "不知道" },
      { value: "unsure", text: "说不清" },
    ];
    knows.excluded = ["unsure"];
    const page = json.pages.find((p) => p.elements.some((e) => e.name === "sees_psa"))!;
    page.elements = page.elements.filter((e) => e.name !== "sees_psa");
    json.pages[json.pages.length - 1]!.elements.push({ type: "comment", name: "new_remark", title: "其他意见" });
    await publishSurveys(t.db, [{ id: "resident", json: json as Record<string, unknown> }], new Date());
    expect(
      (
        await t.request("/api/v1/responses", {
          method: "POST",
          json: qrBody(token, { surveyVersion: 2, answers: validAnswers("resident") }),
        })
      ).status,
    ).not.toBe(500);

    const versions = await (await t.request("/api/v1/surveys/resident/versions", { cookie: admin })).json();
    expect(versions.versions.map((v: { version: number; responses: number }) => [v.version, v.responses])).toEqual([
      [1, 1],
      [2, expect.any(Number)],
    ]);
    const diff = (await (await t.request("/api/v1/surveys/resident/diff?from=1&to=2", { cookie: admin })).json()).diff;
    expect(diff.added).toEqual([{ name: "new_remark", title: "其他意见", type: "comment" }]);
    expect(diff.removed.map((q: { name: string }) => q.name)).toEqual(["sees_psa"]);
    const changed = diff.changed.find((q: { name: string }) => q.name === "knows_campaign");
    expect(changed.properties).toEqual([{ property: "excluded", before: null, after: ["unsure"] }]);
    expect(changed.choices).toEqual([
      { value: "yes", kind: "text", before: "知道", after: "知道的" },
      { value: "unsure", kind: "added", after: "说不清" },
    ]);
    expect((await t.request("/api/v1/surveys/resident/diff?from=1&to=9", { cookie: admin })).status).toBe(404);
  });
});
