import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, it } from "vitest";
import { MemoizedRouter } from "../../server/lib/memoized-router";
import { DEMO } from "../helpers/fixtures";
import { createTestApp } from "../helpers/test-app";

/** A concrete path for a route pattern: each parameter and wildcard filled in. */
const concrete = (pattern: string, value: string) => pattern.replace(/:[A-Za-z_]+(\{[^}]*\})?/g, value).replace(/\*/g, `${value}/x`);

describe("the memoized router", () => {
  it("matches every route of the app exactly as TrieRouter does, first time and remembered", async () => {
    const { app } = await createTestApp();
    const routes = app.routes;
    expect(routes.length).toBeGreaterThan(300);
    const trie = new TrieRouter<unknown>();
    const memo = new MemoizedRouter<unknown>();
    for (const r of routes) {
      trie.add(r.method, r.path, r.handler);
      memo.add(r.method, r.path, r.handler);
    }
    const methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];
    const paths = new Set<string>(["/", "/nope", "/api/v1/nope", "/q/abc"]);
    for (const r of routes) for (const value of ["110101001001", "templates", "a-b"]) paths.add(concrete(r.path, value));
    for (const round of ["first", "remembered"]) {
      for (const path of paths) {
        for (const method of methods) expect(memo.match(method, path), `${round}: ${method} ${path}`).toEqual(trie.match(method, path));
      }
    }
  });

  it("keeps each path's own parameters apart", async () => {
    const memo = new MemoizedRouter<string>();
    memo.add("GET", "/units/:code", "unit");
    memo.add("GET", "/units/templates", "templates");
    const first = memo.match("GET", "/units/110101");
    const second = memo.match("GET", "/units/110102");
    expect(first[0].map(([h, p]) => [h, p])).toEqual([["unit", { code: "110101" }]]);
    expect(second[0].map(([h, p]) => [h, p])).toEqual([["unit", { code: "110102" }]]);
    expect(memo.match("GET", "/units/110101")).toBe(first);
    expect(memo.match("GET", "/units/templates")[0].map(([h]) => h)).toContain("templates");
  });

  it("remembers at most its limit of paths, oldest forgotten first, and still answers right past it", () => {
    const memo = new MemoizedRouter<string>(10);
    memo.add("GET", "/p/:id", "p");
    const early = memo.match("GET", "/p/0");
    for (let i = 1; i < 50; i++) expect(memo.match("GET", `/p/${i}`)[0][0]![1]).toEqual({ id: String(i) });
    expect(memo.size).toBe(10);
    // /p/0 was forgotten: a fresh, equal result rather than the remembered object.
    const again = memo.match("GET", "/p/0");
    expect(again).not.toBe(early);
    expect(again).toEqual(early);
  });

  it("forgets what it remembered when a route is added after a match", () => {
    const memo = new MemoizedRouter<string>();
    memo.add("GET", "/a/*", "wild");
    expect(memo.match("GET", "/a/b")[0].map(([h]) => h)).toEqual(["wild"]);
    memo.add("GET", "/a/b", "exact");
    expect(memo.match("GET", "/a/b")[0].map(([h]) => h)).toEqual(["wild", "exact"]);
  });

  it("is the app's router: a unit read by code answers that unit each time", async () => {
    const t = await createTestApp();
    expect(t.app.router.name).toBe("MemoizedRouter");
    const cookie = await t.login();
    for (const code of [DEMO.community, DEMO.community2, DEMO.community, DEMO.school]) {
      const res = await t.app.request(`/api/v1/units/${code}`, { headers: { cookie } });
      expect(res.status, code).toBe(200);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
  });
});
