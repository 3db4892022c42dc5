import { type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
// Types only: the server's runtime never reaches the bundle (check with `npx vite build`).
import type { AppType } from "../../server/app";
import { DEFAULT_TIMEOUT_MS, readResponse, sendRequest } from "./http";

/**
 * The one typed client of the API (`hc<AppType>`): paths, params, query and JSON bodies are
 * checked against the server's routes, and `unwrap()` gives each call's success body with the
 * type the handler returns. Requests go through `sendRequest` (web/lib/http.ts): same-origin
 * credentials, `Accept: application/json`, a timeout, `NetworkError` when unreachable.
 *
 * @example
 * const surveys = await unwrap(api.surveys.$get());
 * const unit = await unwrap(api.units[":code"].$get({ param: { code: encodeURIComponent(code) } }, withTimeout(8_000)));
 */
export const API_BASE = "/api/v1";

const fetchWithin =
  (timeoutMs: number): typeof fetch =>
  (input, init) =>
    sendRequest(input, init, timeoutMs);

export const api = hc<AppType>("/", { fetch: fetchWithin(DEFAULT_TIMEOUT_MS) }).api.v1;

/** Per-call options for a different timeout than the default 20 s (phones on a weak signal). */
export const withTimeout = (timeoutMs: number) => ({ fetch: fetchWithin(timeoutMs) });

/** The body of the 2xx answers a typed call can get (errors are thrown, never returned). */
export type SuccessBody<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

/**
 * The success body of a typed call; a non-2xx becomes the `ApiError` of our
 * `{error:{code,message,issues}}` shape, a foreign or unreadable answer a `NetworkError`
 * (exactly what `readResponse` does for every other request). Only JSON answers (`c.json`):
 * a route that sends pre-serialized JSON with `c.body` is typed as a string by hc, so its caller
 * reads it with `readResponse` and the contract's type instead.
 */
export async function unwrap<R extends ClientResponse<unknown, number, "json">>(pending: R | Promise<R>): Promise<SuccessBody<R>> {
  return readResponse<SuccessBody<R>>(await pending);
}
