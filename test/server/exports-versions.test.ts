/**
 * Issue 14, part 1: "one column per question across the survey's versions", on versions really
 * stored by publishing (not only on JSON handed to the column builder): a choice a later version
 * dropped keeps its column and its answers, a question only the later version asks gets one, and
 * each row says which version it answered.
 */
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { publishSurveys } from "../../server/services/surveys/surveys";
import { DEMO, eligibleAnswers, qrBody } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let office: string;
let v1Id = "";
let v2Id = "";

const NEW_QUESTION = {
  type: "radiogroup",
  name: "garbage_sorting",
  title: "您家是否坚持垃圾分类？",
  choices: [
    { value: "always", text: "一直坚持" },
    { value: "sometimes", text: "有时" },
  ],
};

/** The resident questionnaire with 单位或学校 gone from info_source and one question added on its first page. */
function secondVersion() {
  const json = structuredClone(shippedSurveys.find((s) => s.id === "resident")!.json) as any;
  const walk = (els: any[]) => {
    for (const e of els) {
      if (e.name === "info_source") e.choices = e.choices.filter((c: any) => c.value !== "workplace");
      if (e.elements) walk(e.elements);
    }
  };
  for (const p of json.pages) walk(p.elements);
  json.pages[0].elements.push(NEW_QUESTION);
  return { id: "resident", json };
}

async function submit(body: Record<string, unknown>) {
  const res = await t.request("/api/v1/responses", { method: "POST", json: body, ip: "10.1.2.3" });
  expect(res.status, await res.clone().text()).toBe(201);
  return body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login();
  office = await t.createUser(admin, { username: "ver-office", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
  const { token } = await t.createPoster(admin, DEMO.community, "resident");
  for (;;) {
    const answers = eligibleAnswers();
    if (!Array.isArray(answers.info_source) || answers.info_source.length === 3) continue;
    answers.info_source = [...answers.info_source.filter((v) => v !== "workplace"), "workplace"];
    v1Id = await submit(qrBody(token, { answers }));
    break;
  }
  expect((await publishSurveys(t.db, [secondVersion()], new Date())).map((v) => v.version)).toEqual([2]);
  let answers = eligibleAnswers();
  while (!Array.isArray(answers.info_source)) answers = eligibleAnswers();
  answers.info_source = (answers.info_source as unknown[]).filter((v) => v !== "workplace");
  v2Id = await submit(qrBody(token, { surveyVersion: 2, deviceId: "second-phone", answers: { ...answers, garbage_sorting: "sometimes" } }));
  // Publishing runs survey-core over the new version; on a loaded machine that alone can take seconds.
}, 60_000);
afterAll(() => t.close());

describe("export over stored survey versions", () => {
  it("keeps the dropped choice's column and answers, adds the new question, and names each row's version", async () => {
    const res = await t.request(`/api/v1/exports/responses?unit=${DEMO.dadukou}&survey=resident&format=xlsx`, { cookie: office });
    expect(res.status).toBe(200);
    const data = await readSheet(Buffer.from(await res.arrayBuffer()), "答卷");
    const header = data[0] as string[];
    const row = (id: string) => data.find((r) => r[0] === id)!;
    const dropped = header.indexOf("您主要通过哪些渠道了解创建工作？（最多选3项）：单位或学校");
    const added = header.indexOf(NEW_QUESTION.title);
    const version = header.indexOf("问卷版本");
    expect(dropped).toBeGreaterThan(0);
    expect(added).toBeGreaterThan(0);
    expect(header.filter((h) => h === NEW_QUESTION.title)).toHaveLength(1);
    expect(row(v1Id)[dropped]).toBe(1);
    expect(row(v2Id)[dropped]).toBe(0);
    expect(row(v1Id)[added]).toBeNull();
    expect(row(v2Id)[added]).toBe("有时");
    expect([row(v1Id)[version], row(v2Id)[version]]).toEqual([1, 2]);

    const codebook = await readSheet(
      Buffer.from(
        await (
          await t.request(`/api/v1/exports/responses?unit=${DEMO.dadukou}&survey=resident&format=xlsx`, { cookie: office })
        ).arrayBuffer(),
      ),
      "变量说明",
    );
    expect(codebook.find((r) => r[0] === "garbage_sorting")?.[3]).toBe("always = 一直坚持；sometimes = 有时");
  });
});
