/**
 * Issue 13 in real Chromium: the district's children are ranked one kind at a time from
 * /rates/ranking (§7). Four schools have many parents' answers, one has 7 and the lowest rate:
 * in the 通报 that school shows its rank interval and 样本不足（有效样本 N）, and is never badged
 * 末位, while a school the server allows to be named is. The kind switcher never mixes
 * subdistricts and schools; QR and interview answers in one community give a mode gap on its
 * cards; the 统计方法说明 page opens from the report and shows the worked example.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { rankText } from "../../web/features/dashboard/lib/ranking-rows";
import { modeGapText } from "../../web/features/dashboard/lib/figures";
import { pct } from "../../web/features/dashboard/lib/format";
import { workedExample } from "../../web/features/dashboard/lib/worked-example";
import type { RankingBody, RatesBody } from "../../web/features/dashboard/types";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import {
  apiSession,
  launchBrowser,
  newPage,
  requireChromium,
  startTestServer,
  type ApiSession,
  type LaunchedBrowser,
  type TestServer,
} from "./harness";

const DISTRICT = "500104000000";
const COMMUNITY = "500104001001";
const OTHER_COMMUNITY = "500104002001";
const SCHOOLS = ["500104S01", "500104S02", "500104S03", "500104S04", "500104S05"];
const SMALL_SCHOOL = "500104S05";
const SHOT = (name: string) => `/tmp/wt-ui-${name}.png`;

/** Answers of an eligible respondent, positive on each metric question with the given chance. */
function answers(surveyId: string, seed: number, positiveBias: number): Record<string, unknown> {
  const json = shippedSurveys.find((s) => s.id === surveyId)!.json;
  for (let s = seed; ; s += 7919) {
    const a = generateAnswers(json, seededRng(s), { positiveBias, optionalRate: 1 });
    if ("knows_campaign" in a) return a;
  }
}

describe.skipIf(!requireChromium())("rankings, reliability and methods (real Chromium)", () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: string[];
  const versions: Record<string, number> = {};

  async function send(
    unitCode: string,
    surveyId: string,
    n: number,
    positiveBias: number,
    seed: number,
    channel = "interview",
    token?: string,
  ) {
    for (let i = 0; i < n; i++) {
      const now = new Date().toISOString();
      const res = await api.post("/api/v1/responses", {
        id: crypto.randomUUID(),
        surveyId,
        surveyVersion: versions[surveyId],
        channel,
        answers: answers(surveyId, seed + i, positiveBias),
        startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        completedAt: now,
        deviceId: `e2e-${channel}-${seed + i}`,
        ...(token ? { token } : { unitCode }),
      });
      expect(res.status).toBe(201);
    }
  }

  const ranking = async (kind: string, metric = "awareness") =>
    (await api.get<RankingBody>(`/api/v1/rates/ranking?unit=${DISTRICT}&metric=${metric}&kind=${kind}`)).body;

  beforeAll(async () => {
    mkdirSync("/tmp", { recursive: true });
    server = await startTestServer({ QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" });
    api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    for (const id of ["resident", "parent"]) versions[id] = (await api.get<{ version: number }>(`/api/v1/surveys/${id}`)).body.version;
    // Four schools with many parents (three high, one clearly low), one with 7 parents and the lowest rate.
    await send(SCHOOLS[0]!, "parent", 60, 0.98, 1);
    await send(SCHOOLS[1]!, "parent", 60, 0.96, 2000);
    await send(SCHOOLS[2]!, "parent", 60, 0.97, 4000);
    await send(SCHOOLS[3]!, "parent", 80, 0.35, 6000);
    await send(SMALL_SCHOOL, "parent", 7, 0, 8000);
    // Two subdistricts through one community each; the first also has QR answers (mode gap).
    await send(COMMUNITY, "resident", 40, 0.8, 10000);
    await send(OTHER_COMMUNITY, "resident", 40, 0.95, 12000);
    const poster = await api.post<{ token: string }>("/api/v1/posters", { unitCode: COMMUNITY, surveyId: "resident" });
    expect(poster.status).toBe(201);
    await send(COMMUNITY, "resident", 30, 1, 14000, "qr", poster.body.token);

    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    ({ page, errors } = await newPage(browser.context));
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(server.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the 通报 never badges the 7-respondent school 末位, shows rank intervals and 样本不足（有效样本 N）", async () => {
    const schools = await ranking("school");
    const small = schools.rows.find((r) => r.unit.code === SMALL_SCHOOL)!;
    // The data set is what the test is about: the small school is last by rate, unreliable, not nameable;
    // another school may be named lowest.
    expect(small.respondents).toBe(7);
    expect(small.rank).toBe(schools.rows.length);
    expect(small.reliability).toBe("low");
    expect(small.mayNameLowest).toBe(false);
    const named = schools.rows.filter((r) => r.mayNameLowest);
    expect(named.length).toBeGreaterThan(0);

    // The answers were sent now: the 通报 of the current month (本月至今) holds them.
    await page.goto(`${server.url}/dashboard/report?unit=${DISTRICT}&month=current`);
    const table = page.locator('[data-testid="report-ranking"][data-kind="school"]');
    await expect.poll(() => table.locator("tbody tr").count(), { timeout: 10_000 }).toBe(SCHOOLS.length);
    const smallRow = table.locator(`tr[data-code="${SMALL_SCHOOL}"]`);
    expect(await smallRow.locator('[data-field="unit"]').innerText()).not.toContain("末位");
    expect(await smallRow.locator('[data-field="rank"]').innerText()).toBe(rankText(small));
    expect(await smallRow.locator(".dash-rate__note").innerText()).toBe(`样本不足（有效样本 ${Math.round(small.nEff)}）`);
    // The low figure stays readable text, greyed by a class, not hidden.
    expect(await smallRow.locator(".dash-rate__value").innerText()).toBe(pct(small.rate));
    for (const r of schools.rows) {
      const cells = table.locator(`tr[data-code="${r.unit.code}"]`);
      expect(await cells.locator('[data-field="rank"]').innerText()).toBe(rankText(r));
      expect((await cells.locator('[data-field="unit"]').innerText()).includes("末位")).toBe(r.mayNameLowest);
    }
    expect(schools.rows.some((r) => r.rankInterval[0] !== r.rankInterval[1])).toBe(true);
    expect(await table.innerText()).toContain("（可能第");
    await page.screenshot({ path: SHOT("report"), fullPage: true });
  });

  it("ranks subdistricts and schools apart; the switcher changes the kind, charts are labelled", async () => {
    const [streets, schools] = [await ranking("subdistrict"), await ranking("school")];
    expect(streets.kinds).toEqual(["subdistrict", "school"]);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}`);
    const table = page.locator('[data-testid="ranking-table"]');
    const codes = () => table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
    // Default kind: subdistricts (the tie goes to the higher level); all five listed, two ranked.
    await expect.poll(codes, { timeout: 10_000 }).toHaveLength(5);
    expect((await codes()).every((c) => /^500104\d{3}000$/.test(c!))).toBe(true);
    expect((await codes()).slice(0, streets.rows.length)).toEqual(streets.rows.map((r) => r.unit.code));
    await expect.poll(() => page.locator('[data-testid="ranking-panel"] [role="img"]').count()).toBe(2);
    for (const label of await page
      .locator('[data-testid="ranking-panel"] [role="img"]')
      .evaluateAll((e) => e.map((x) => x.getAttribute("aria-label")))) {
      expect(label).toBeTruthy();
    }
    await page.waitForTimeout(800);
    await page.screenshot({ path: SHOT("dashboard-streets"), fullPage: true });

    await page.locator(".dash-kinds button", { hasText: "学校" }).click();
    await expect.poll(codes).toEqual(schools.rows.map((r) => r.unit.code));
    expect(page.url()).toContain("kind=school");
    const funnelLabel = await page.locator('[data-testid="ranking-panel"] [role="img"]').nth(1).getAttribute("aria-label");
    for (const r of schools.rows.filter((x) => x.funnel !== "within")) expect(funnelLabel).toContain(r.unit.name);
    // The low-reliability school greys out on the dashboard too, saying why.
    expect(await table.locator(`tr[data-code="${SMALL_SCHOOL}"] .dash-rate__note`).innerText()).toMatch(/^样本不足（有效样本 \d+）$/);
    await page.waitForTimeout(800);
    await page.locator('[data-testid="ranking-panel"]').screenshot({ path: SHOT("funnel-schools") });
    await page.screenshot({ path: SHOT("dashboard-schools"), fullPage: true });
  });

  it("shows the QR / interview gap on a community's cards, and 还需 N 份样本 with its meaning", async () => {
    const rates = (await api.get<RatesBody>(`/api/v1/rates?unit=${COMMUNITY}`)).body;
    const m = rates.metrics.awareness;
    const gap = modeGapText(m.modeGap);
    expect(gap).not.toBeNull();
    await page.goto(`${server.url}/dashboard?unit=${COMMUNITY}`);
    const card = page.locator('[data-metric="awareness"]');
    await expect.poll(() => card.locator('[data-field="mode-gap"]').innerText(), { timeout: 10_000 }).toContain(gap!);
    expect(await card.locator('[data-field="mode-gap"]').innerText()).toContain("扫码为自愿填写，入户为随机抽样");
    if (m.neededN !== null && m.neededN > 0) {
      expect(await card.locator('[data-field="needed"]').innerText()).toContain(`还需 ${m.neededN} 份样本`);
      expect(await card.locator('[data-field="needed"]').innerText()).toContain("可以判断是否达到 90%");
    }
    await page.locator(".dash-cards").screenshot({ path: SHOT("cards") });
  });

  it("opens 统计方法说明 from the report and shows the worked example with the formulas' numbers", async () => {
    await page.goto(`${server.url}/dashboard/report?unit=${DISTRICT}`);
    await page.locator("a", { hasText: "统计方法说明" }).click();
    await page.waitForURL(/\/dashboard\/methods$/);
    const example = page.locator('[data-testid="worked-example"]');
    await expect.poll(() => example.isVisible()).toBe(true);
    const text = await example.innerText();
    const ex = workedExample(0.9);
    expect(text).toContain(`有效样本 = 比率×(1−比率) ÷ 方差 = ${ex.atThreshold.nEff.toFixed(1)}`);
    expect(text).toContain(`${pct(ex.atThreshold.interval[0])} – ${pct(ex.atThreshold.interval[1])}`);
    expect(text).toContain(`还需 ${ex.below.neededN} 份样本`);
    expect(text).toContain(`样本不足（有效样本 ${Math.round(ex.atThreshold.nEff)}）`);
    for (const heading of ["置信区间", "有效样本", "设计效应", "可信度", "还需 N 份样本", "名次与名次区间", "漏斗图", "扫码与入户的差距"]) {
      expect(await page.locator("h2", { hasText: heading }).count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: SHOT("methods"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("加权 shows each resident rate weighted to the census age shares, with its design effect", async () => {
    const { bands } = (await api.get<{ bands: string[] }>(`/api/v1/units/${DISTRICT}/age-shares`)).body;
    const eligible = bands.filter((b) => b !== "under18" && b !== "over65");
    expect(eligible.length).toBeGreaterThan(1);
    // Unequal shares, so weighting moves the figure.
    const raw = eligible.map((_, i) => i + 1);
    const total = raw.reduce((a, b) => a + b, 0);
    const shares = Object.fromEntries(eligible.map((b, i) => [b, raw[i]! / total]));
    expect((await api.put(`/api/v1/units/${DISTRICT}/age-shares`, { shares })).status).toBe(200);
    const rates = (await api.get<RatesBody>(`/api/v1/rates?unit=${DISTRICT}&audience=resident`)).body;
    const weighted = rates.metrics.awareness.weighted!;
    expect(weighted.rate).not.toBeNull();

    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}&audience=resident`);
    const toggle = page.locator("fieldset.dash-weighting");
    await toggle.getByRole("button", { name: "加权", exact: true }).click();
    await page.waitForURL(/weighted=1/);
    const card = page.locator('[data-metric="awareness"] [data-field="weighted"]');
    await expect.poll(() => card.textContent()).toContain(`年龄加权 ${pct(weighted.rate)}`);
    expect(await card.locator('[data-field="design-effect"]').textContent()).toContain(`设计效应 ${weighted.designEffect!.toFixed(2)}`);
    await page.screenshot({ path: SHOT("weighted"), fullPage: false });
    // 未加权 hides it again; other audiences offer no toggle.
    await toggle.getByRole("button", { name: "未加权" }).click();
    await expect.poll(() => card.count()).toBe(0);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}&audience=parent`);
    await page.locator('[data-metric="awareness"]').waitFor();
    expect(await page.locator("fieldset.dash-weighting").count()).toBe(0);
  });
});
