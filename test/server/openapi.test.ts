import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/test-app";

const METHODS = new Set(["GET", "PUT", "POST", "PATCH", "DELETE"]);

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: { type?: string; required?: string[]; properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

/** Every route the app really answers under /api/v1 with a real method, as OpenAPI spells paths. */
function apiRoutes(app: { routes: { method: string; path: string }[] }) {
  const seen = new Set<string>();
  for (const r of app.routes) {
    if (!METHODS.has(r.method) || !r.path.startsWith("/api/v1/") || r.path.includes("*")) continue;
    seen.add(`${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`);
  }
  return [...seen].sort();
}

describe("OpenAPI document and reference page", () => {
  it("lists every route of the app with its method, summary and path parameters", async () => {
    const t = await createTestApp();
    const res = await t.app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as Document;
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();

    const routes = apiRoutes(t.app);
    expect(routes.length).toBeGreaterThan(35);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(routes);
    for (const route of routes) {
      const [method, path] = route.split(" ") as [string, string];
      const op = doc.paths[path]![method]!;
      expect(op.summary, route).toBeTruthy();
      expect(op.tags?.length, route).toBe(1);
      for (const name of path.match(/\{[^}]+\}/g) ?? []) {
        expect(
          op.parameters?.some((p) => p.in === "path" && `{${p.name}}` === name && p.required),
          `${route} ${name}`,
        ).toBe(true);
      }
    }
  });

  it("takes request bodies and query parameters from the validating zod schemas", async () => {
    const t = await createTestApp();
    const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as Document;
    const submit = doc.paths["/api/v1/responses"]!.post!;
    const schema = submit.requestBody?.content["application/json"]?.schema;
    expect(schema?.type).toBe("object");
    expect(schema?.required).toEqual(
      expect.arrayContaining(["id", "surveyId", "surveyVersion", "channel", "answers", "startedAt", "completedAt", "deviceId"]),
    );
    expect(schema?.required).not.toContain("token");
    expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(["token", "unitCode"]));
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(["200", "201", "400", "422", "409", "503"]));

    // The query is documented as the client sends it: unit required, includeFlagged optional.
    const rates = doc.paths["/api/v1/rates"]!.get!;
    const query = new Map((rates.parameters ?? []).filter((p) => p.in === "query").map((p) => [p.name, p]));
    expect(query.get("unit")?.required).toBe(true);
    expect(query.has("includeFlagged")).toBe(true);
    expect(query.get("includeFlagged")?.required).not.toBe(true);
  });

  it("serves a self-contained HTML reference that names every path, without scripts", async () => {
    const t = await createTestApp();
    const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as Document;
    const res = await t.app.request("/api/v1/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("创文问卷 API 参考");
    for (const path of Object.keys(doc.paths)) expect(html, path).toContain(path);
    expect(html).not.toMatch(/<script|<link[^>]+stylesheet|https?:\/\/(?!127\.)/i);
    // The security headers still hold: no script is allowed at all from elsewhere.
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("builds the document once and answers the same one afterwards", async () => {
    const t = await createTestApp();
    const first = await (await t.app.request("/api/v1/openapi.json")).text();
    const second = await (await t.app.request("/api/v1/openapi.json")).text();
    expect(second).toBe(first);
  });
});
