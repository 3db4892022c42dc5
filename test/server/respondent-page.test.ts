/**
 * GET /q/:token, the poster page with its questionnaire inline and the first page as HTML
 * (server/pages/respondent-page.ts, issue 18): open, closed and unknown posters, and escaping of
 * everything that comes from the database or a questionnaire.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderLightFirstPage, renderRespondentShell } from "../../server/pages/first-page-html";
import { inlineJson } from "../../server/pages/html-escape";
import { respondentHtml } from "../../server/pages/respondent-html";
import { lightFirstPage } from "../../surveys/first-page";
import { shippedSurveys } from "../../surveys/index";
import { DEMO } from "../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";

/** index.html as Vite builds it (the parts the page touches). */
const TEMPLATE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <title>创文问卷</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-abc.css">
  </head>
  <body>
    <div id="root"><div class="boot">创文问卷</div></div>
  </body>
</html>
`;

const CSS = ".respondent{font-size:18px}";
const ASSETS: Record<string, string> = { "/assets/index-abc.css": CSS };

const HOSTILE = `</script><img src=x onerror="alert(1)">\u2028<!--$&$'`;

/** The data block's text, and what it parses to. */
function dataBlock(html: string): { raw: string; json: Record<string, unknown> } {
  const m = /<script type="application\/json" id="cw-questionnaire" data-token="([^"]*)">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error("no data block");
  return { raw: m[2]!, json: JSON.parse(m[2]!) as Record<string, unknown> };
}

/** Markup that a hostile text could have opened: any tag other than the page's own. */
const foreignTags = (html: string) => html.match(/<(img|svg|iframe|a |object)[^>]*>/gi) ?? [];

let t: TestApp;
let admin: string;
const clock = manualClock();
beforeEach(async () => {
  t = await createTestApp({ clock, respondentPage: { template: async () => TEMPLATE, asset: async (_c, path) => ASSETS[path] ?? null } });
  admin = await t.login();
});
afterEach(() => t.close());

describe("GET /q/:token", () => {
  it("answers an open poster's page with the questionnaire inline and its first page as a form", async () => {
    const { token } = await t.createPoster(admin, DEMO.community, "resident");
    const res = await t.request(`/q/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    const api = await (await t.request(`/api/v1/q/${token}`)).json();
    expect(dataBlock(html).json).toEqual(api);
    expect(html).toContain(`data-token="${token}"`);
    expect(html).toContain("<title>大渡口区 新山村街道 民主社区 · 创文问卷</title>");
    // The shell replaced the boot header; the script tags stay as they were.
    expect(html).not.toContain('<div class="boot">');
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-abc.js"></script>');
    // The entry's stylesheet inline: the first paint waits for nothing but this answer.
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).not.toContain("index-abc.css");
    expect(html).toContain('<h1 class="respondent-header__unit">大渡口区 新山村街道 民主社区</h1>');
    expect(html).toContain('data-testid="privacy-notice"');
    // 1. 您的年龄是？ with its six answers as real radio inputs.
    expect(html).toContain("您的年龄是？");
    expect(html.match(/<input type="radio" name="cw-fp-0" value="\d+" required>/g)).toHaveLength(6);
    expect(html).toContain("<span>18–29岁</span>");
    // SurveyJS's own markup is not imitated: only the light page's classes.
    expect(html).not.toContain("sd-question");
  });

  it("answers closed and unknown posters with the plain page, as before (the page asks the API why)", async () => {
    const poster = await t.createPoster(admin, DEMO.community, "resident");
    const revoked = await t.request(`/api/v1/posters/${poster.id}/revoke`, { method: "POST", cookie: admin, json: { reason: "贴错了" } });
    expect(revoked.status).toBe(200);
    for (const token of [poster.token, "not-a-token", `${poster.id}.AAAAAAAAAAAAAAAAAAAAAA`]) {
      const res = await t.request(`/q/${token}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(TEMPLATE);
    }
    // The API still says why.
    expect((await t.request(`/api/v1/q/${poster.token}`)).status).toBe(410);
  });

  it("answers the plain page when the database cannot be read, and says why in the log", async () => {
    const { token } = await t.createPoster(admin, DEMO.community, "resident");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      t.client.close();
      const res = await t.request(`/q/${token}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(TEMPLATE);
      expect(logged).toHaveBeenCalledWith("poster page served without its questionnaire", expect.anything());
    } finally {
      logged.mockRestore();
    }
  });

  it("escapes a hostile unit name in the header, the title and the data block", async () => {
    await t.client.execute({ sql: "update units set name = ? where code = ?", args: [HOSTILE, DEMO.community] });
    const { token } = await t.createPoster(admin, DEMO.community, "resident");
    const html = await (await t.request(`/q/${token}`)).text();
    expect(foreignTags(html)).toEqual([]);
    // One </script>: the data block's own end. No raw U+2028, no comment opened.
    const block = dataBlock(html);
    expect(block.raw).not.toMatch(/<|>|\u2028/);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain("<!--");
    expect((block.json.unit as { name: string }).name).toBe(HOSTILE);
    expect(html).toContain(
      `<h1 class="respondent-header__unit">大渡口区 新山村街道 &#60;/script&#62;&#60;img src=x onerror=&#34;alert(1)&#34;&#62;`,
    );
  });

  it("is not the Node or Worker runtime's business beyond the template: no template, the next handler", async () => {
    const bare = await createTestApp({ respondentPage: { template: async () => null } });
    try {
      const login = await bare.login();
      const { token } = await bare.createPoster(login, DEMO.community, "resident");
      expect((await bare.request(`/q/${token}`)).status).toBe(404);
    } finally {
      bare.close();
    }
  });
});

describe("the first page's HTML", () => {
  it("renders every shipped survey's light first page with a field per question and a label per choice", () => {
    for (const survey of shippedSurveys) {
      const page = lightFirstPage(survey.json as Record<string, unknown>)!;
      const html = renderLightFirstPage(page);
      page.questions.forEach((q, i) => {
        expect(html).toContain(`<span class="first-page__number">${i + 1}.</span> ${q.title}`);
        const inputs = html.match(new RegExp(`<input [^>]*name="cw-fp-${i}"`, "g")) ?? [];
        expect(inputs).toHaveLength(q.kind === "text" ? 1 : q.choices.length);
      });
      expect(foreignTags(html)).toEqual([]);
    }
  });

  it("escapes hostile titles, choices, descriptions and notices", () => {
    const page = lightFirstPage({
      title: HOSTILE,
      description: HOSTILE,
      pages: [
        {
          title: HOSTILE,
          elements: [
            { type: "radiogroup", name: "a", title: HOSTILE, choices: [{ value: "v", text: HOSTILE }] },
            { type: "checkbox", name: `"><img src=x>`, title: HOSTILE, choices: [HOSTILE] },
            { type: "text", name: "t", title: HOSTILE },
          ],
        },
      ],
    })!;
    const html = renderRespondentShell({ unitName: HOSTILE, privacyNotice: { summary: HOSTILE, full: `${HOSTILE}\n${HOSTILE}` }, page });
    expect(foreignTags(html)).toEqual([]);
    expect(html).not.toMatch(/<\/script|<!--|onerror="/);
    // All twelve texts are there, as text: unit, notice (summary, two paragraphs), survey title and
    // description, page title, three question titles, two choices.
    expect(html.split("&#60;/script&#62;&#60;img src=x onerror=&#34;alert(1)&#34;&#62;").length - 1).toBe(12);
  });

  it("inline JSON survives </script>, <!--, & and U+2028/U+2029 and parses back unchanged", () => {
    const value = { a: HOSTILE, b: "\u2029&<>", c: "</SCRIPT >" };
    const text = inlineJson(JSON.stringify(value));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
    const html = respondentHtml(TEMPLATE, { token: `"x`, title: HOSTILE, json: JSON.stringify(value), shell: "" })!;
    expect(html).toContain('data-token="&#34;x"');
    expect(html).toContain("<title>&#60;/script&#62;");
    // `$&` and `$'` in a replacement stay text.
    expect(html).toContain("&#60;!--$&#38;$&#39;</title>");
    expect(respondentHtml("<html><body>no root</body></html>", { token: "t", title: "", json: "{}", shell: "" })).toBeNull();
    // A stylesheet that could end its element keeps its link.
    const page = { token: "t", title: "", json: "{}", shell: "" };
    expect(respondentHtml(TEMPLATE, { ...page, css: "a{}</style><script>x()</script>" })).toContain('href="/assets/index-abc.css"');
    expect(respondentHtml(TEMPLATE, { ...page, css: "a{}" })).toContain("<style>a{}</style>");
  });
});
