import { afterEach, describe, expect, it, vi } from "vitest";
import { api, unwrap, withTimeout } from "../../web/lib/api-client";
import { ApiError, NetworkError } from "../../web/lib/http";
import { createTestApp } from "../helpers/test-app";

/**
 * The web app's one typed client against the real app in memory: the browser's `fetch` is
 * replaced by one that hands the request to the app, so paths, headers and bodies are the ones
 * a page sends.
 */
async function routeFetchToApp() {
  const t = await createTestApp();
  const seen: Request[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), "http://test.local"), init);
    seen.push(request.clone());
    return t.app.request(request);
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("api client + unwrap", () => {
  it("returns the success body of a typed call, sent same-origin and asking for JSON", async () => {
    const seen = await routeFetchToApp();
    const surveys = await unwrap(api.surveys.$get());
    expect(surveys.map((s) => s.id).sort()).toEqual(["parent", "resident", "shopkeeper"]);
    expect(new URL(seen[0]!.url).pathname).toBe("/api/v1/surveys");
    expect(seen[0]!.headers.get("accept")).toBe("application/json");
    expect(seen[0]!.credentials).toBe("same-origin");
  });

  it("throws the ApiError of our error shape for a refusal", async () => {
    await routeFetchToApp();
    const refused = unwrap(api.units[":code"].$get({ param: { code: "500104001000" } }));
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 401, code: expect.any(String) });
  });

  it("sends JSON bodies and reads validation issues", async () => {
    await routeFetchToApp();
    const bad = unwrap(api.auth.login.$post({ json: { username: "", password: "" } }));
    await expect(bad).rejects.toMatchObject({ status: 422, code: "invalid_request" });
    const error = await bad.catch((e: unknown) => e);
    expect(error instanceof ApiError && error.issues.length > 0).toBe(true);
  });

  it("turns an unreachable server or a timeout into a NetworkError", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(unwrap(api.surveys.$get())).rejects.toBeInstanceOf(NetworkError);

    vi.stubGlobal("fetch", (_input: RequestInfo | URL, init?: RequestInit) => {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    });
    await expect(unwrap(api.surveys.$get({}, withTimeout(20)))).rejects.toBeInstanceOf(NetworkError);
  });
});
