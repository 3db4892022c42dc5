/**
 * Issue 14: the answer-level export. Real app, real libSQL, responses through the real POST;
 * the files are read back with the project's spreadsheet reader (read-excel-file) and, for the
 * CSV, with Python's csv module, as a statistician would.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, eligibleAnswers, qrBody, surveyJson } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

const PYTHON = "/root/.pyenv/shims/python3";
const EVIL = '=HYPERLINK("http://evil.example/x","点击查看")';

/** question name -> the survey JSON's question, walked independently of the server's walker. */
function questionsOf(json: Record<string, unknown>): Map<string, any> {
  const out = new Map<string, any>();
  const walk = (els: any[] = []) => {
    for (const e of els) {
      if (e.name) out.set(e.name, e);
      walk(e.elements);
    }
  };
  for (const p of (json as any).pages) walk(p.elements);
  return out;
}
const RESIDENT = questionsOf(surveyJson("resident"));
const choiceText = (q: any, v: unknown) =>
  q.choices.find((c: any) => (c.value ?? c) === v)?.text ?? (v === "other" ? q.otherText : undefined);

let t: TestApp;
let admin: string;
let office: string;
let interviewer: string;
/** id -> submitted answers, of the responses the Dadukou resident export must hold (not flagged). */
const inScope = new Map<string, Record<string, unknown>>();
let flaggedId = "";
const outOfScope: string[] = [];
let shopkeeperId = "";
let interviewId = "";
let tmp = "";

async function submit(body: Record<string, unknown>, cookie?: string) {
  const res = await t.request("/api/v1/responses", { method: "POST", json: body, cookie, ip: `10.0.0.${Math.floor(Math.random() * 250)}` });
  expect(res.status, await res.clone().text()).toBe(201);
  return body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  tmp = mkdtempSync(join(tmpdir(), "cw-export-"));
  admin = await t.login();
  office = await t.createUser(admin, { username: "ddk-office", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
  interviewer = await t.createUser(admin, { username: "ddk-iv", password: "interview-pass-1", role: "interviewer", scope: DEMO.dadukou });
  const poster = await t.createPoster(admin, DEMO.community, "resident");
  const poster2 = await t.createPoster(admin, DEMO.otherSubdistrictCommunity, "resident");
  const outside = await t.createPoster(admin, DEMO.qijiangCommunity, "resident");
  const shop = await t.createPoster(admin, DEMO.community, "shopkeeper");
  for (let i = 0; i < 6; i++) {
    const answers = eligibleAnswers();
    if (i === 0) answers.suggestions = EVIL;
    const body = qrBody(i % 2 ? poster.token : poster2.token, { answers });
    inScope.set(await submit(body), answers);
  }
  // The same device again for the same survey and unit: stored flagged, left out by default.
  const again = qrBody(poster.token, { answers: eligibleAnswers() });
  const first = qrBody(poster.token, { answers: eligibleAnswers(), deviceId: again.deviceId });
  inScope.set(await submit(first), first.answers as Record<string, unknown>);
  flaggedId = await submit(again);
  const iv = { ...qrBody(""), token: undefined, channel: "interview", unitCode: DEMO.community2, answers: eligibleAnswers() };
  interviewId = await submit(iv, interviewer);
  inScope.set(interviewId, iv.answers);
  for (let i = 0; i < 2; i++) outOfScope.push(await submit(qrBody(outside.token, { answers: eligibleAnswers() })));
  shopkeeperId = await submit(qrBody(shop.token, { surveyId: "shopkeeper", answers: eligibleAnswers("shopkeeper") }));
});
afterAll(() => {
  t.close();
  rmSync(tmp, { recursive: true, force: true });
});

const exportUrl = (query: string) => `/api/v1/exports/responses?unit=${DEMO.dadukou}&survey=resident&${query}`;

async function download(query: string, cookie = office) {
  const res = await t.request(exportUrl(query), { cookie });
  expect(res.status, res.status === 200 ? "" : await res.clone().text()).toBe(200);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The CSV as Python's csv module reads it (utf-8-sig drops the BOM), and whether every line ends CRLF. */
function pythonCsv(bytes: Buffer): { rows: string[][]; crlf: boolean; bom: boolean } {
  const file = join(tmp, `x-${Math.random()}.csv`);
  writeFileSync(file, bytes);
  const script = `
import csv, json, sys
raw = open(sys.argv[1], "rb").read()
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
print(json.dumps({"rows": rows, "crlf": raw.count(b"\\n") == raw.count(b"\\r\\n"), "bom": raw[:3] == b"\\xef\\xbb\\xbf"}))`;
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file], { encoding: "utf8" }));
}

describe("GET /api/v1/exports/responses", () => {
  it("XLSX: every in-scope response exactly once with Chinese labels, a codebook and an info sheet", async () => {
    const { res, bytes } = await download("format=xlsx");
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(Number(res.headers.get("x-export-rows"))).toBe(inScope.size);
    const disposition = decodeURIComponent(res.headers.get("content-disposition")!.split("UTF-8''")[1]!);
    expect(disposition).toMatch(/^答卷_大渡口区500104000000_resident_全部渠道_全部日期_达标90_\d{8}-\d{6}\.xlsx$/);

    const data = await readSheet(bytes, "答卷");
    const header = data[0] as string[];
    const rows = data.slice(1);
    const col = (label: string) => header.indexOf(label);
    const ids = rows.map((r) => r[col("答卷编号")]);
    expect(ids.sort()).toEqual([...inScope.keys()].sort());
    for (const id of [flaggedId, shopkeeperId, ...outOfScope]) expect(ids).not.toContain(id);

    const knows = RESIDENT.get("knows_campaign");
    const age = RESIDENT.get("age_band");
    const volunteer = RESIDENT.get("registered_volunteer");
    for (const row of rows) {
      const answers = inScope.get(row[col("答卷编号")] as string)!;
      expect(row[col(knows.title)]).toBe(choiceText(knows, answers.knows_campaign));
      expect(row[col(age.title)]).toBe(choiceText(age, answers.age_band));
      expect(row[col(volunteer.title)]).toBe(answers.registered_volunteer ? "是" : "否");
      expect(row[col("单位")]).toMatch(/^重庆市\/大渡口区\//);
      expect(row[col("已标记（不计入比率）")]).toBe("否");
      // Multi-choice: one 0/1 column per choice, empty when the question was not answered.
      const info = RESIDENT.get("info_source");
      for (const c of info.choices) {
        const cell = row[col(`${info.title}：${c.text}`)];
        if (Array.isArray(answers.info_source)) expect(cell).toBe((answers.info_source as unknown[]).includes(c.value) ? 1 : 0);
        else expect(cell).toBeNull();
      }
    }
    const evilRow = rows.find((r) => inScope.get(r[col("答卷编号")] as string)!.suggestions === EVIL)!;
    expect(evilRow[col(RESIDENT.get("suggestions").title)]).toBe(`'${EVIL}`);

    const codebook = await readSheet(bytes, "变量说明");
    expect(codebook[0]).toEqual(["变量名", "标签", "类型", "取值"]);
    expect(codebook.find((r) => r[0] === "knows_campaign")?.[3]).toBe("yes = 知道；no = 不知道");
    const info = Object.fromEntries((await readSheet(bytes, "导出信息")).slice(1));
    expect(info.单位).toBe("大渡口区（500104000000）");
    expect(info["日期范围（完成时间，北京时间）"]).toBe("全部日期");
    expect(info.达标线).toContain("满意率 90%");
    expect(info.答卷数).toBe(String(inScope.size));
    expect(info["生成时间（北京时间）"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("includeFlagged and labels=codes: the flagged response joins, marked, and cells hold the stored codes", async () => {
    const { res, bytes } = await download("format=xlsx&includeFlagged=1&labels=codes");
    expect(decodeURIComponent(res.headers.get("content-disposition")!)).toContain("_含已标记_原始代码_");
    const data = await readSheet(bytes, "答卷");
    const header = data[0] as string[];
    const rows = data.slice(1);
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect([...byId.keys()].sort()).toEqual([...inScope.keys(), flaggedId].sort());
    expect(byId.get(flaggedId)![header.indexOf("已标记（不计入比率）")]).toBe(1);
    expect(byId.get(flaggedId)![header.indexOf("标记原因")]).toBe("same_device");
    const knows = header.indexOf(RESIDENT.get("knows_campaign").title);
    for (const [id, answers] of inScope) expect(byId.get(id)![knows]).toBe(answers.knows_campaign);
    expect(byId.get([...inScope.keys()][0]!)![header.indexOf("渠道")]).toMatch(/^(qr|interview)$/);
  });

  it("flag reasons read as the review page words them, not as stored codes", async () => {
    const { bytes } = await download("format=xlsx&includeFlagged=1");
    const data = await readSheet(bytes, "答卷");
    const header = data[0] as string[];
    const flagged = data.find((r) => r[0] === flaggedId)!;
    expect(flagged[header.indexOf("标记原因")]).toBe("同一设备重复填写");
    expect(
      data
        .slice(1)
        .filter((r) => r[0] !== flaggedId)
        .every((r) => r[header.indexOf("标记原因")] === null),
    ).toBe(true);
  });

  it("CSV: BOM, CRLF, variable names, formula-safe; Python's csv module reads the same rows", async () => {
    const { res, bytes } = await download("format=csv&channel=qr");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const parsed = pythonCsv(bytes);
    expect(parsed.bom).toBe(true);
    expect(parsed.crlf).toBe(true);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parsed.rows;
    expect(header!.slice(0, 4)).toEqual(["id", "unit_code", "unit_path", "channel"]);
    const qrIds = [...inScope.keys()].filter((id) => id !== interviewId);
    const ids = rows.map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    // Only QR responses: the interview one is filtered out by channel.
    expect(rows.every((r) => r[header!.indexOf("channel")] === "扫码填写")).toBe(true);
    expect(ids.sort()).toEqual(qrIds.sort());
    const evil = rows.find((r) => r[header!.indexOf("suggestions")]!.includes("HYPERLINK"))!;
    expect(evil[header!.indexOf("suggestions")]).toBe(`'${EVIL}`);
    expect(Number(res.headers.get("x-export-rows"))).toBe(rows.length);
  });

  it("SPSS syntax: loads the CSV of the same generation time, with variable and value labels", async () => {
    const csv = await download("format=csv&labels=codes");
    const generatedAt = csv.res.headers.get("x-export-generated-at")!;
    const csvName = decodeURIComponent(csv.res.headers.get("content-disposition")!.split("UTF-8''")[1]!);
    const { res, bytes } = await download(`format=sps&labels=codes&generatedAt=${encodeURIComponent(generatedAt)}`);
    const sps = bytes.toString("utf8");
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("UTF-8''")[1]!)).toBe(csvName.replace(/\.csv$/, ".sps"));
    expect(sps).toContain(`/FILE='${csvName}'`);
    expect(sps).toContain("/ENCODING='UTF8'");
    expect(sps).toContain(`knows_campaign '${RESIDENT.get("knows_campaign").title}'`);
    expect(sps).toContain("/knows_campaign 'yes' '知道' 'no' '不知道'");
    expect(sps).toContain("/registered_volunteer 1 '是' 0 '否'");
    expect(sps).toMatch(/\* 单位：大渡口区（500104000000） \./);
    // Every CSV column is declared, in order.
    const header = csv.bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0]!
      .split(",");
    const declared = sps
      .split("/VARIABLES=")[1]!
      .split("\r\n.")[0]!
      .trim()
      .split(/\r\n\s+/)
      .map((l) => l.split(" ")[0]);
    expect(declared).toEqual(header);
  });

  it("scope and roles as for rates: out-of-scope 403, interviewer 403, anonymous 401, bad filters 422", async () => {
    for (const unit of [DEMO.qijiang, DEMO.city, DEMO.qijiangCommunity]) {
      const res = await t.request(`/api/v1/exports/responses?unit=${unit}&survey=resident`, { cookie: office });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    expect((await t.request(exportUrl("format=csv"), { cookie: interviewer })).status).toBe(403);
    expect((await t.request(exportUrl("format=csv"))).status).toBe(401);
    expect((await t.request(`/api/v1/exports/responses?unit=999999999999&survey=resident`, { cookie: admin })).status).toBe(404);
    for (const bad of [
      "format=pdf",
      "labels=en",
      "from=2026-02-30",
      "from=2026-11-20&to=2026-11-01",
      "channel=phone",
      "generatedAt=yesterday",
    ]) {
      const res = await t.request(exportUrl(bad), { cookie: office });
      expect(`${bad} ${res.status}`).toBe(`${bad} 422`);
    }
    const unknown = await t.request(`/api/v1/exports/responses?unit=${DEMO.dadukou}&survey=tourist`, { cookie: office });
    expect(unknown.status).toBe(422);
    // The city-wide admin export holds the Qijiang ones too, and still never the other survey.
    const city = await t.request(`/api/v1/exports/responses?unit=${DEMO.city}&survey=resident&format=csv`, { cookie: admin });
    const ids = (await city.text())
      .split("\r\n")
      .slice(1, -1)
      .map((l) => l.split(",")[0]);
    expect(ids.sort()).toEqual([...inScope.keys(), ...outOfScope].sort());
  });

  it("date filters use the Asia/Shanghai day of completedAt", async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const { bytes } = await download(`format=csv&from=${today}&to=${today}`);
    expect(bytes.toString("utf8").split("\r\n").length - 2).toBe(inScope.size);
    const none = await download("format=csv&from=2020-01-01&to=2020-01-31");
    expect(none.bytes.toString("utf8").split("\r\n").length - 2).toBe(0);
    expect(none.res.headers.get("x-export-rows")).toBe("0");
  });
});
