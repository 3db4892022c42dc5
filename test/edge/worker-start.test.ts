/**
 * The Worker's start on a libSQL server: it never migrates by itself and says so with a 503 while
 * the schema is missing; once `npm run db:migrate` (drizzle-kit, against the server's URL) has run,
 * the next request bootstraps the database (surveys, demo city, admin) and the API works. Static
 * assets answer every other path, client routes included (single-page-application fallback).
 * The poster page /q/:token is the Worker's (issue 18): the web build's index.html from the assets
 * binding with the questionnaire inline and the first page as HTML, as on Node.
 */
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, requireEdge, startSqld, startWorker, type Sqld, type WorkerDev } from "../helpers/edge";

const vars = { ADMIN_PASSWORD: "worker-start-admin-1", SERVER_SECRET: "worker-start-secret-0123456789", SEED_DEMO: "1" };

describe.skipIf(!requireEdge())("Worker start on an empty libSQL server", () => {
  let sqld: Sqld;
  let worker: WorkerDev;
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${worker.url}${path}`, { ...init, headers: { connection: "close", ...(init.headers as Record<string, string>) } });

  beforeAll(async () => {
    sqld = await startSqld();
    worker = await startWorker({ ...vars, DATABASE_URL: sqld.url });
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await sqld?.stop();
  }, 30_000);

  it("answers 503 naming db:migrate without a schema, then serves once drizzle-kit has migrated", async () => {
    const before = await get("/api/v1/surveys");
    expect(before.status).toBe(503);
    const error = (await before.json()).error;
    expect(error.code).toBe("unavailable");
    expect(error.message).toMatch(/npm run db:migrate/);

    const migrate = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        "npm",
        ["run", "db:migrate"],
        { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: sqld.url }, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(migrate.code, migrate.output).toBe(0);

    const after = await get("/api/v1/surveys");
    expect(after.status).toBe(200);
    expect((await after.json()).map((s: { id: string }) => s.id).sort()).toEqual(["parent", "resident", "shopkeeper"]);
    const login = await get("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: vars.ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const units = (await sqld.client().execute("select count(*) n from units")).rows[0]!.n;
    expect(Number(units)).toBeGreaterThan(10);
  });

  it("serves the web build for client routes and keeps /api/* in the Worker", async () => {
    for (const path of ["/", "/q/some-token", "/dashboard", "/interview"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/text\/html/);
      expect(await res.text()).toMatch(/<div id="root">|<html/);
    }
    const api = await get("/api/v1/nothing");
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe("not_found");
  });

  it("answers /q/:token with the questionnaire inline and the first page, from the assets' index.html", async () => {
    const login = await get("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: worker.url },
      body: JSON.stringify({ username: "admin", password: vars.ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const created = await get("/api/v1/posters", {
      method: "POST",
      headers: { "content-type": "application/json", origin: worker.url, cookie },
      body: JSON.stringify({ unitCode: "500104001001", surveyId: "resident" }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    // A conditional request must not get a 304 for a page whose inline data may have changed.
    const res = await get(`/q/${token}`, { headers: { "if-none-match": "*" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    const block = /<script type="application\/json" id="cw-questionnaire" data-token="([^"]+)">([\s\S]*?)<\/script>/.exec(html);
    expect(block?.[1]).toBe(token);
    const api = await (await get(`/api/v1/q/${token}`)).json();
    expect(JSON.parse(block![2]!)).toEqual(api);
    expect(html).toContain('<h1 class="respondent-header__unit">大渡口区 新山村街道 民主社区</h1>');
    expect(html.match(/<input type="radio" name="cw-fp-0"/g)).toHaveLength(6);
    // The entry's stylesheet inline, read from the assets binding.
    expect(html).toMatch(/<style>[\s\S]*?\.respondent[\s\S]*?<\/style>/);
    expect(html).not.toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/index-/);
    // The built scripts are still named, so the app takes over.
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[^"]+\.js"><\/script>/);
    // An unknown token: the plain index.html, as before.
    const unknown = await (await get("/q/not-a-token")).text();
    expect(unknown).not.toContain("cw-questionnaire");
    expect(unknown).toContain('<div id="root">');
  });
});
