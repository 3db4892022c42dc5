/**
 * The interviewer's tablet as its users meet it (issue 15), in real Chromium at 1024x768 against
 * the real Node server: a season of 5,000 synced records still lists and records (rows bounded,
 * older ones kept as counts); a mis-tapped outcome can be undone for a few seconds and an unsent
 * visit corrected in place; 立即同步 says why it is off while offline; an interview opens with the
 * interviewer's 开场白, not the respondent's blurb; 需处理 items can be corrected and resent, or
 * discarded with a reason the server audits; axe finds no serious or critical violation.
 */
import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./axe";
import {
  apiSession,
  launchBrowser,
  newPage,
  requireChromium,
  resultPath,
  startTestServer,
  type ApiSession,
  type TestServer,
} from "./harness";

const canRun = requireChromium();
const SUB = "500104001000";
const COMMUNITY = "500104001001";
const PASSWORD = "tablet-pass-1";

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 },
  deviceScaleFactor: 1,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  permissions: ["geolocation"],
  geolocation: { latitude: 29.4846, longitude: 106.4864, accuracy: 18 },
};

/** A queue item as the app stores it, for seeding IndexedDB directly. */
function queueItem(owner: string, i: number, overrides: { state?: string; household?: string; at?: string; id?: string } = {}) {
  const at = overrides.at ?? new Date(Date.now() - (i + 1) * 25 * 60_000).toISOString();
  const id = overrides.id ?? crypto.randomUUID();
  const state = overrides.state ?? "done";
  return {
    id,
    owner,
    state,
    createdAt: at,
    unitName: "民主社区",
    visit: {
      id,
      unitCode: COMMUNITY,
      surveyId: "resident",
      household: overrides.household ?? `${i}号`,
      outcome: ["refused", "not_home", "vacant"][i % 3],
      responseId: null,
      visitedAt: at,
      deviceId: "e2e-tablet",
      durationMs: null,
      latitude: null,
      longitude: null,
      accuracyM: null,
    },
    response: null,
    responseSyncedAt: null,
    syncedAt: state === "done" ? at : null,
    attempts: state === "done" ? 1 : 0,
    lastError: null,
    problem: null,
  };
}

function putItems(page: Page, items: unknown[]): Promise<void> {
  return page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("cw-interview");
        open.onsuccess = () => {
          const tx = open.result.transaction("queue", "readwrite");
          for (const item of list) tx.objectStore("queue").put(item);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    items,
  );
}

function storedItems(page: Page): Promise<{ id: string; state: string; visit: { household: string; outcome: string } }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("cw-interview");
        open.onsuccess = () => {
          const req = open.result.transaction("queue").objectStore("queue").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

describe.skipIf(!canRun)("the interviewer's tablet (issue 15)", () => {
  let server: TestServer;
  let admin: ApiSession;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    admin = apiSession(server.url);
    expect((await admin.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    for (const username of ["season", "undo", "attention", "opening"]) {
      expect((await admin.post("/api/v1/users", { username, password: PASSWORD, role: "interviewer", scope: SUB })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  async function login(page: Page, username: string) {
    await page.goto(`${server.url}/interview`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("pending-count").waitFor();
    await page.getByRole("button", { name: "民主社区" }).click();
    await page.getByRole("button", { name: /居民/ }).click();
    await expect.poll(() => page.getByTestId("area-name").textContent()).toBe("民主社区");
  }

  async function visits(interviewer: string) {
    return server.server.db.all<{ id: string; household: string; outcome: string }>(
      sql`select id, household, outcome from visits where interviewer = ${interviewer} order by household`,
    );
  }

  async function record(page: Page, household: string, outcome: "拒访" | "不在家" | "无人居住") {
    await page.locator('input[name="household"]').fill(household);
    await page.getByRole("button", { name: outcome, exact: true }).click();
    await page.getByText(`已保存：${household}`).waitFor();
  }

  it("lists and records with 5,000 synced records on the tablet: rows bounded, older ones kept as counts", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { page, errors } = await newPage(browser.context);
      await login(page, "season");
      await putItems(
        page,
        Array.from({ length: 5000 }, (_, i) => queueItem("season", i)),
      );
      await page.reload();
      await page.locator('input[name="household"]').waitFor();
      await expect.poll(() => page.getByTestId("synced-count").textContent(), { timeout: 30_000 }).toBe("已同步 5000");
      // 50 confirmed records are kept, 30 drawn; the rest are counts.
      expect(await page.getByTestId("visit-item").count()).toBe(30);
      await expect.poll(async () => (await storedItems(page)).length).toBe(50);
      expect(await page.getByTestId("older-synced").textContent()).toContain("4950");
      const todayBefore = Number((await page.getByTestId("today-count").textContent())?.replace(/\D/g, ""));
      expect(todayBefore).toBeGreaterThan(0);

      await record(page, "新的一户", "不在家");
      expect(await page.getByTestId("visit-item").first().textContent()).toContain("新的一户");
      expect(await page.getByTestId("today-count").textContent()).toBe(`今日 ${todayBefore + 1}`);
      await page.getByRole("button", { name: /显示更多/ }).click();
      expect(await page.getByTestId("visit-item").count()).toBe(51);
      await page.screenshot({ path: resultPath("tablet-season-5000.png"), fullPage: false });
      // It reaches the server once, and the tablet still counts every visit once.
      await expect.poll(async () => (await visits("season")).length, { timeout: 30_000 }).toBe(1);
      await expect.poll(() => page.getByTestId("synced-count").textContent()).toBe("已同步 5001");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("undoes a mis-tapped outcome, corrects an unsent visit in place, and says why 立即同步 is off offline", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { context } = browser;
      const { page, errors } = await newPage(context);
      await login(page, "undo");
      await context.setOffline(true);

      await record(page, "8栋101", "拒访");
      const undo = page.getByRole("button", { name: "撤销", exact: true });
      await undo.waitFor();
      await page.screenshot({ path: resultPath("tablet-undo.png") });
      await undo.click();
      await page.getByText("已撤销：8栋101 · 拒访").waitFor();
      // The label is back in the field, ready for the right outcome.
      expect(await page.locator('input[name="household"]').inputValue()).toBe("8栋101");
      expect(await page.getByTestId("pending-count").textContent()).toBe("待同步 0");
      await record(page, "8栋101", "不在家");
      await record(page, "8栋102", "拒访");
      expect(await page.getByTestId("pending-count").textContent()).toBe("待同步 2");

      // Offline: the button is off and says why in words.
      const syncNow = page.getByRole("button", { name: "立即同步" });
      expect(await syncNow.isDisabled()).toBe(true);
      expect(await page.getByTestId("sync-offline-reason").textContent()).toBe("离线，联网后自动同步");
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.screenshot({ path: resultPath("tablet-offline-portrait.png") });
      await page.setViewportSize({ width: 1024, height: 768 });

      // Past the undo window the visit is still unsent, so it can be corrected in place.
      await page.getByRole("button", { name: "撤销", exact: true }).waitFor({ state: "detached", timeout: 15_000 });
      const row = page.getByTestId("visit-item").filter({ hasText: "8栋102" });
      await row.getByRole("button", { name: /更正/ }).click();
      await row.locator('input[name="correct-household"]').fill("8栋103");
      await row.getByRole("radio", { name: "无人居住" }).check();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: resultPath("tablet-correct-offline.png") });
      await row.getByRole("button", { name: "保存更正" }).click();
      await page.getByText("已更正：8栋103").waitFor();
      const before = await storedItems(page);
      const corrected = before.find((i) => i.visit.household === "8栋103")!;
      expect(corrected.visit.outcome).toBe("vacant");
      expect(before).toHaveLength(2);

      await context.setOffline(false);
      await expect.poll(() => page.getByTestId("pending-count").textContent(), { timeout: 30_000 }).toBe("待同步 0");
      // The undone visit never reached the server; the corrected one arrived under its own id.
      expect(await visits("undo")).toEqual([
        { id: expect.any(String), household: "8栋101", outcome: "not_home" },
        { id: corrected.id, household: "8栋103", outcome: "vacant" },
      ]);
      // Synced visits cannot be changed: no 更正 on them.
      expect(await page.getByTestId("visit-item").getByRole("button", { name: /更正/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("lets 需处理 items be corrected and resent, or discarded with a reason the server audits", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { context } = browser;
      const { page, errors } = await newPage(context);
      await login(page, "attention");
      // One the server refuses with 422 (a blank label: nothing stored), one with 409 (its id
      // already holds another visit of this interviewer).
      const blank = queueItem("attention", 0, { state: "pending", household: "  ", at: new Date().toISOString() });
      const taken = queueItem("attention", 1, { state: "pending", household: "9栋1", at: new Date().toISOString() });
      const own = apiSession(server.url);
      expect((await own.post("/api/v1/auth/login", { username: "attention", password: PASSWORD })).status).toBe(200);
      expect((await own.post("/api/v1/visits", { ...taken.visit, household: "别的住户" })).status).toBe(201);
      await putItems(page, [blank, taken]);
      await page.reload();
      await expect.poll(() => page.getByTestId("attention-item").count(), { timeout: 30_000 }).toBe(2);

      const conflict = page.getByTestId("attention-item").filter({ hasText: "9栋1" });
      expect(await conflict.getByRole("button", { name: "更正" }).count()).toBe(0);
      expect(await conflict.textContent()).toContain("不能更正，只能放弃");

      const refused = page.getByTestId("attention-item").filter({ hasNotText: "9栋1" });
      await refused.getByRole("button", { name: "更正" }).click();
      await refused.locator('input[name="correct-household"]').fill("9栋2");
      await refused.getByRole("button", { name: "保存更正" }).click();
      await expect.poll(() => page.getByTestId("attention-item").count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(async () => (await visits("attention")).map((v) => [v.id, v.household])).toContainEqual([blank.id, "9栋2"]);

      // A discard needs the server to record it: offline it is refused and the item stays.
      await conflict.getByRole("button", { name: "放弃…" }).click();
      await conflict.locator('textarea[name="discard-reason"]').fill("与已上传的记录重复");
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: resultPath("tablet-attention-discard.png"), fullPage: true });
      await context.setOffline(true);
      await conflict.getByRole("button", { name: "确认放弃" }).click();
      await conflict.getByText("放弃需要联网").waitFor();
      expect(await page.getByTestId("attention-item").count()).toBe(1);
      await context.setOffline(false);
      await conflict.getByRole("button", { name: "确认放弃" }).click();
      await page.getByText("已放弃：9栋1（原因已上报）").waitFor();
      expect(await page.getByTestId("attention-item").count()).toBe(0);
      expect((await storedItems(page)).map((i) => i.id)).not.toContain(taken.id);
      const audit = await server.server.db.all<{ actor: string; target: string; after: string }>(
        sql`select actor, target, after from audit_log where action = 'field.discard'`,
      );
      expect(audit.map((a) => [a.actor, a.target, JSON.parse(a.after).reason])).toEqual([["attention", taken.id, "与已上传的记录重复"]]);
      await page.screenshot({ path: resultPath("tablet-attention-done.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("opens an interview with the 开场白 instead of the respondent's blurb; a refusal there is a 拒访; no serious axe violations", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { page, errors } = await newPage(browser.context);
      await login(page, "opening");
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.locator('input[name="household"]').fill("10栋1");
      await page.getByRole("button", { name: "完成（开始问卷）" }).click();
      await page.locator(".sd-page").waitFor({ timeout: 30_000 });
      const opening = page.getByTestId("opening-script");
      expect(await opening.textContent()).toContain("请问现在方便吗");
      expect(await opening.textContent()).toContain("民主社区");
      // The QR page's blurb speaks to the respondent; the tablet does not show it.
      expect(await page.locator("body").textContent()).not.toContain("本调查不记名，了解您对本市");
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: resultPath("tablet-opening.png") });

      await opening.getByRole("button", { name: "受访者拒访" }).click();
      await page.getByText("已保存：10栋1 · 拒访").waitFor();
      await page.getByRole("button", { name: "撤销", exact: true }).waitFor();
      await expect
        .poll(async () => (await visits("opening")).map((v) => [v.household, v.outcome]), { timeout: 30_000 })
        .toEqual([["10栋1", "refused"]]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
