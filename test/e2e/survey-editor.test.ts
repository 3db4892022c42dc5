/**
 * Issue 17 in real Chromium: an admin edits the resident questionnaire in the browser — adds an
 * item from the bank, renames a choice (its stored value stays), previews the draft in a
 * phone-wide frame with the real runner, publishes; a resident answers the new version through a
 * poster; the dashboard's per-question rates show the new item. A draft whose metric question
 * has no positive choice cannot be published and says why; a draft saved elsewhere meanwhile
 * says so instead of overwriting it. axe-core on the editor.
 */
import { mkdirSync } from "node:fs";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./axe";
import {
  answerCurrentPage,
  apiSession,
  findCommunities,
  launchBrowser,
  newPage,
  nextOrComplete,
  PHONE,
  requireChromium,
  resultPath,
  startTestServer,
  type ApiSession,
  type LaunchedBrowser,
  type TestServer,
} from "./harness";

interface Draft {
  id: string;
  revision: number;
  json: { pages: { name: string; elements: { name: string; title?: string; choices?: { value: string; text: string }[] }[] }[] };
  problems: { level: string; code: string; message: string; question?: string }[];
}

const NEW_ITEM = "knows_garbage_sorting";
const NEW_TITLE = "您知道本市生活垃圾分为哪几类、应当如何投放吗？";
const RENAMED = "清楚，能说出四类";

describe.skipIf(!requireChromium())("questionnaire editor (real Chromium)", () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: string[];
  let community: string;

  const shot = (name: string) => ({ path: resultPath(`survey-editor-${name}.png`), fullPage: true });
  const saved = () => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
  const currentDraft = async () => {
    const list = await api.get<{ drafts: { id: string; surveyId: string }[] }>("/api/v1/survey-drafts");
    const id = list.body.drafts.find((d) => d.surveyId === "resident")!.id;
    return (await api.get<Draft>(`/api/v1/survey-drafts/${id}`)).body;
  };
  async function openResidentDraft() {
    await page.goto(`${server.url}/admin/editor`);
    await page.locator('tr[data-survey="resident"] button', { hasText: /编辑|继续编辑草稿/ }).click();
    await page.waitForURL(/\/admin\/editor\/[^/?]+$/);
    await page.locator(".se-question").waitFor();
  }
  async function selectPage(title: RegExp) {
    await page.locator(".se-pages .se-list__pick", { hasText: title }).click();
  }

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    api = apiSession(server.url);
    const login = await api.post<{ user: { scope: string } }>("/api/v1/auth/login", { username: "admin", password: server.adminPassword });
    expect(login.status).toBe(200);
    community = (await findCommunities(api, login.body.user.scope, 1))[0]!.code;
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    ({ page, errors } = await newPage(browser.context));
    // Confirmations (remove, discard, retire) are the browser's own dialogs: accept them.
    page.on("dialog", (d) => void d.accept());
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

  it("adds a bank item, renames a choice, previews on a phone and publishes version 2", async () => {
    await openResidentDraft();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The item bank, filtered to the resident audience and searched, adds to the current page.
    await selectPage(/创建知晓/);
    await page.getByRole("button", { name: "从题库添加" }).click();
    const bank = page.getByRole("dialog", { name: "题库" });
    await bank.getByLabel("搜索题目").fill("垃圾分类");
    await bank.getByLabel("指标").selectOption("awareness");
    await expect.poll(() => bank.locator('[data-testid="bank-item"]').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page, ".se-bank")).toEqual([]);
    await page.screenshot(shot("bank"));
    await bank.getByRole("button", { name: /：垃圾分类知晓$/ }).click();
    await bank.getByRole("button", { name: "关闭题库" }).click();

    // The new question is selected; rename its first choice's label.
    const form = page.locator(".se-question");
    await expect.poll(() => form.getByLabel("题目文字").inputValue()).toBe(NEW_TITLE);
    expect(await form.getByText("存储值 clear").count()).toBe(1);
    await form.getByLabel("选项1的文字").fill(RENAMED);
    // Keyboard only: type a new choice and press Enter; then take it away again with its labelled button.
    await form.getByLabel("新选项的文字").focus();
    await page.keyboard.type("说不清");
    await page.keyboard.press("Enter");
    await form.getByLabel("选项4的文字").waitFor();
    expect(await form.getByLabel("选项4的文字").inputValue()).toBe("说不清");
    await form.getByRole("button", { name: "删除选项「说不清」" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => form.getByLabel("选项4的文字").count()).toBe(0);
    // Plain-language metric controls carry the item's tags.
    await expect.poll(() => form.getByRole("group", { name: "哪些选项算作知晓？" }).getByLabel(RENAMED).isChecked()).toBe(true);
    await saved();
    await page.screenshot(shot("question"));
    const draft = await currentDraft();
    const added = draft.json.pages.find((p) => p.name === "awareness")!.elements.find((e) => e.name === NEW_ITEM)!;
    expect(added.choices![0]).toEqual({ value: "clear", text: RENAMED });
    expect(draft.problems.filter((p) => p.level === "error")).toEqual([]);

    // Phone preview: the real runner in a 375 px frame; page 1 answered, the new item on page 2.
    await page.getByRole("button", { name: "手机预览" }).click();
    const frameEl = page.locator('[data-testid="preview-frame-phone"]');
    await frameEl.waitFor();
    expect(await frameEl.evaluate((el) => (el as HTMLIFrameElement).clientWidth)).toBe(375);
    const frame = (await (await frameEl.elementHandle())!.contentFrame()) as Frame;
    await frame.locator(".sd-question[data-name]").first().waitFor({ timeout: 30_000 });
    expect(await frame.evaluate(() => window.innerWidth)).toBe(375);
    // SurveyJS lays itself out for a phone at that width, as on a real one.
    expect(await frame.locator(".sd-root-modern--mobile").count()).toBe(1);
    expect(await frame.getByText("居民创建全国文明城市知晓率满意度调查问卷").count()).toBeGreaterThan(0);
    const framePage = frame as unknown as Page;
    await answerCurrentPage(framePage);
    await nextOrComplete(framePage);
    await frame.locator(`.sd-question[data-name="${NEW_ITEM}"]`).waitFor();
    expect(await frame.locator(`.sd-question[data-name="${NEW_ITEM}"]`).innerText()).toContain(RENAMED);
    await frame.locator(`.sd-question[data-name="${NEW_ITEM}"]`).scrollIntoViewIfNeeded();
    await page.screenshot(shot("phone-preview"));

    // The interviewer's view of the same draft.
    await page.getByRole("button", { name: "平板（入户访问）预览" }).click();
    const tablet = (await (await page.locator('[data-testid="preview-frame-tablet"]').elementHandle())!.contentFrame()) as Frame;
    await tablet.locator(".sd-question[data-name]").first().waitFor({ timeout: 30_000 });
    // At the tablet's width SurveyJS keeps its desktop layout, and the interview model shows no survey title.
    expect(await tablet.evaluate(() => window.innerWidth)).toBe(800);
    expect(await tablet.locator(".sd-root-modern--mobile").count()).toBe(0);
    expect(await tablet.getByText("居民创建全国文明城市知晓率满意度调查问卷").count()).toBe(0);

    // The diff against version 1 names the new question.
    await page.getByRole("button", { name: "与已发布版本对比" }).click();
    const diff = page.locator('[data-testid="draft-diff"]');
    await diff.waitFor();
    expect(await diff.innerText()).toContain(NEW_TITLE);

    // Publish.
    await page.locator('[data-testid="publish"]').click();
    const dialog = page.getByRole("dialog", { name: "发布新版本" });
    await dialog.getByText("新增1道题").waitFor();
    expect(await seriousAxeViolations(page, ".se-dialog")).toEqual([]);
    await page.screenshot(shot("publish"));
    await dialog.getByRole("button", { name: "确认发布" }).click();
    await page.waitForURL(/\/admin\/editor\?published=resident&version=2/);
    await page.getByText("已发布为第2版").waitFor();
    const current = await api
      .get<{ version: number }>("/api/v1/surveys")
      .then((r) => r.body as unknown as { id: string; version: number }[]);
    expect(current.find((s) => s.id === "resident")!.version).toBe(2);
    expect(errors).toEqual([]);
  });

  it("a resident answers version 2 through a poster, and the dashboard's per-question rates show the new item", async () => {
    const poster = await api.post<{ url: string; token: string }>("/api/v1/posters", { unitCode: community, surveyId: "resident" });
    expect(poster.status).toBe(201);
    const phone = await launchBrowser(PHONE);
    try {
      const { page: resident, errors: residentErrors } = await newPage(phone.context);
      const stored: number[] = [];
      resident.on("response", (r) => {
        if (r.request().method() === "POST" && r.url().endsWith("/api/v1/responses")) stored.push(r.status());
      });
      await resident.goto(poster.body.url);
      await resident.locator(".sd-question[data-name]").first().waitFor({ timeout: 30_000 });
      let sawNewItem = false;
      for (let i = 0; i < 20; i++) {
        const item = resident.locator(`.sd-question[data-name="${NEW_ITEM}"]`);
        if ((await item.count()) > 0) {
          // The renamed choice, a positive answer; the rest of the page as the helper answers it.
          sawNewItem = true;
          await item.locator("label", { hasText: RENAMED }).click();
          await item.scrollIntoViewIfNeeded();
          await resident.screenshot({ path: resultPath("survey-editor-resident-new-item.png") });
        }
        await answerCurrentPage(resident);
        if ((await nextOrComplete(resident)) === "complete") break;
      }
      expect(sawNewItem).toBe(true);
      await expect.poll(() => stored, { timeout: 30_000 }).toEqual([201]);
      expect(residentErrors).toEqual([]);
    } finally {
      await phone.close();
    }

    await page.goto(`${server.url}/dashboard?unit=${community}&audience=resident`);
    const table = page.locator('[data-testid="question-table"]');
    await table.waitFor({ timeout: 30_000 });
    await expect.poll(() => table.innerText(), { timeout: 30_000 }).toContain(NEW_TITLE);
    const row = table.locator("tr", { hasText: NEW_TITLE });
    expect(await row.innerText()).toContain("1/1");
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath("survey-editor-dashboard.png") });
    // The trend marks the week version 2 was published (an added question changes no metric's meaning).
    const versions = page.locator('[data-testid="trend-versions"]');
    await versions.waitFor({ timeout: 30_000 });
    expect(await versions.innerText()).toContain("问卷第2版");
    expect(await versions.innerText()).not.toContain("口径变化");
  });

  it("refuses to publish a metric question without a positive choice, and says why", async () => {
    await openResidentDraft();
    await selectPage(/创建知晓/);
    await page.locator(".se-questions .se-list__pick", { hasText: "您是否知道本市正在创建全国文明城市" }).click();
    const positive = page.locator(".se-question").getByRole("group", { name: "哪些选项算作知晓？" });
    await positive.getByLabel("知道", { exact: true }).uncheck();
    await saved();
    // The problems panel names the question with the server's reason.
    const problems = page.locator('[data-testid="problems-panel"]');
    await expect.poll(() => problems.locator('[data-level="error"]').count()).toBeGreaterThan(0);
    const reason = await problems.locator('[data-level="error"]').first().innerText();
    expect(reason).toContain("knows_campaign");
    await page.locator('[data-testid="publish"]').click();
    const dialog = page.getByRole("dialog", { name: "发布新版本" });
    const refused = dialog.locator('[data-testid="publish-refused"]');
    await refused.waitFor();
    expect(await refused.innerText()).toContain("不能发布");
    expect(await dialog.getByRole("button", { name: "确认发布" }).count()).toBe(0);
    await page.screenshot(shot("refused"));
    // The server refuses it too, with the reason, and no version is made.
    const draft = await currentDraft();
    const publish = await api.post<{ error: { code: string; message: string } }>(`/api/v1/survey-drafts/${draft.id}/publish`);
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe("draft_invalid");
    expect(publish.body.error.message).toMatch(/不能发布/);
    const current = (await api.get<{ id: string; version: number }[]>("/api/v1/surveys")).body;
    expect(current.find((s) => s.id === "resident")!.version).toBe(2);
    await dialog.getByRole("button", { name: "取消" }).click();
  });

  it("says so when the draft was saved elsewhere meanwhile, and loads the newer copy when asked", async () => {
    await openResidentDraft();
    const before = await currentDraft();
    // Another window saves first.
    const other = structuredClone(before.json);
    other.pages[0]!.elements[0]!.title = "另一个窗口改的标题";
    expect((await api.put(`/api/v1/survey-drafts/${before.id}`, { json: other, revision: before.revision })).status).toBe(200);
    await selectPage(/基本情况/);
    await page.locator(".se-question").getByLabel("题目文字").fill("本页改的标题");
    const status = page.locator('[data-testid="save-status"][data-state="conflict"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toContain("已在别处");
    await page.screenshot(shot("conflict"));
    expect((await currentDraft()).json.pages[0]!.elements[0]!.title).toBe("另一个窗口改的标题");
    await status.getByRole("button", { name: /载入最新草稿/ }).click();
    await saved();
    await expect.poll(() => page.locator(".se-question").getByLabel("题目文字").inputValue()).toBe("另一个窗口改的标题");
    // At 200% zoom (half the width) the editor reflows into one column: nothing scrolls sideways.
    await page.setViewportSize({ width: 720, height: 900 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot(shot("narrow"));
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(errors).toEqual([]);
  });

  it("starts a new survey from the 寒假 template, and retires a survey until it is reopened", async () => {
    await page.goto(`${server.url}/admin/editor`);
    const form = page.getByRole("form", { name: "新建问卷" });
    await form.getByLabel("问卷代码").fill("parent-winter-2027");
    await form.getByLabel("问卷标题").fill("2027年寒假家长问卷");
    await form.getByLabel("调查对象").selectOption("parent");
    await form.getByLabel(/^模板/).selectOption("parent-winter");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "创建草稿" }).click();
    await page.waitForURL(/\/admin\/editor\/[^/?]+$/);
    await page.getByText("新问卷，尚未发布").waitFor();
    await saved();
    expect(await page.locator(".se-survey-texts").getByLabel("问卷标题").inputValue()).toBe("2027年寒假家长问卷");
    // A new survey has no published version to compare with; it publishes as version 1.
    await page.locator('[data-testid="publish"]').click();
    const dialog = page.getByRole("dialog", { name: "发布新版本" });
    await dialog.getByRole("button", { name: "确认发布" }).click();
    await page.waitForURL(/\/admin\/editor\?published=parent-winter-2027&version=1/);
    await expect.poll(() => page.locator('tr[data-survey="parent-winter-2027"]').innerText()).toContain("2027年寒假家长问卷");
    const made = (await api.get<{ id: string; audience: string; version: number }[]>("/api/v1/surveys")).body;
    expect(made.find((x) => x.id === "parent-winter-2027")).toMatchObject({ audience: "parent", version: 1 });

    // Retire the shopkeeper survey: its posters answer as closed; reopen puts it back.
    const poster = await api.post<{ token: string }>("/api/v1/posters", { unitCode: community, surveyId: "shopkeeper" });
    expect(poster.status).toBe(201);
    await page.goto(`${server.url}/admin/editor`);
    const row = page.locator('tr[data-survey="shopkeeper"]');
    await row.getByRole("button", { name: /^停用/ }).click();
    await expect.poll(() => row.innerText()).toContain("已停用");
    expect((await api.get(`/api/v1/q/${poster.body.token}`)).status).toBe(410);
    await page.screenshot(shot("retired"));
    await row.getByRole("button", { name: /^重新启用/ }).click();
    await expect.poll(() => row.innerText()).toContain("使用中");
    expect((await api.get(`/api/v1/q/${poster.body.token}`)).status).toBe(200);
    expect(errors).toEqual([]);
  });
});
