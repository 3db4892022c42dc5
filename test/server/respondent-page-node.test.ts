/**
 * The poster page through the Node entry (server/node.ts): index.html read from the web root,
 * the questionnaire and the entry stylesheet inline, and preload hints for the SurveyJS chunk but not for the
 * questionnaire it already carries; a closed or unknown poster keeps both hints, as before.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer } from "../../server/node";
import { DEMO } from "../helpers/fixtures";

const INDEX = `<!doctype html><html><head><title>创文问卷</title><link rel="stylesheet" crossorigin href="/assets/index-A.css"></head><body><div id="root"><div class="boot">创文问卷</div></div></body></html>`;
const MANIFEST = {
  "index.html": { file: "assets/index-A.js", imports: [] },
  "features/respondent/components/survey-runner.tsx": { file: "assets/survey-runner-B.js", css: ["assets/survey-runner-B.css"] },
};

let dir: string;
let server: Awaited<ReturnType<typeof startNodeServer>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "cw-page-node-"));
  const web = path.join(dir, "web");
  mkdirSync(path.join(web, ".vite"), { recursive: true });
  writeFileSync(path.join(web, "index.html"), INDEX);
  mkdirSync(path.join(web, "assets"));
  writeFileSync(path.join(web, "assets/index-A.css"), ".respondent{margin:0}");
  writeFileSync(path.join(web, ".vite/manifest.json"), JSON.stringify(MANIFEST));
  server = await startNodeServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: `file:${path.join(dir, "survey.db")}`,
    adminPassword: "page-node-password-1",
    webRoot: web,
    quiet: true,
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /q/:token on Node", () => {
  it("inlines the questionnaire and hints only the SurveyJS chunk; a bad token gets the plain page and both hints", async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ username: "admin", password: "page-node-password-1" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const created = await fetch(`${server.url}/api/v1/posters`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, cookie },
      body: JSON.stringify({ unitCode: DEMO.community, surveyId: "resident" }),
    });
    const { token, id } = (await created.json()) as { token: string; id: string };

    const page = await fetch(`${server.url}/q/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`id="cw-questionnaire" data-token="${token}"`);
    expect(html).toContain('class="first-page"');
    expect(html).toContain("<style>.respondent{margin:0}</style>");
    expect(html).not.toContain('href="/assets/index-A.css"');
    const link = page.headers.get("link") ?? "";
    expect(link).toContain("</assets/survey-runner-B.js>; rel=modulepreload");
    expect(link).not.toContain("/api/v1/q/");

    // Well-formed but unknown: the file as it is, with the questionnaire preload as before.
    const unknown = await fetch(`${server.url}/q/${id}.AAAAAAAAAAAAAAAAAAAAAA`);
    expect(await unknown.text()).toBe(INDEX);
    expect(unknown.headers.get("link")).toContain(`</api/v1/q/${id}.AAAAAAAAAAAAAAAAAAAAAA>; rel=preload; as=fetch`);
    expect(unknown.headers.get("cache-control")).toBe("no-cache");
  });
});
