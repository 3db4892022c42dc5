/**
 * The one way the web app talks HTTP. Every API error arrives as
 * `{error: {code, message, issues?}}` (docs/design.md §4); this turns it into an `ApiError`, and a
 * request that never got an answer (offline, DNS, timeout) into a `NetworkError`, so callers can
 * tell "the server said no" from "we could not reach it".
 *
 * @example
 * const unit = await apiRequest<Unit>("/api/v1/units/500104001000");
 * await apiRequest("/api/v1/auth/login", { method: "POST", body: { username, password } });
 */

/** One problem with a submitted answer: `question` is the SurveyJS question name. */
export interface ApiIssue {
  question?: string;
  path?: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    /** From a `Retry-After` header, in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Abort and throw `NetworkError` after this long; phones on a weak signal can hang forever. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * `fetch` as every API call makes it: same-origin credentials, `Accept: application/json`, a
 * timeout, and a failed or aborted request becomes a `NetworkError`. The typed client
 * (web/lib/api-client.ts) hands hc this as its `fetch`, so both paths behave alike.
 */
export async function sendRequest(input: RequestInfo | URL, init: RequestInit = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Response> {
  const controller = typeof AbortController === "function" ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), timeoutMs);
  const headers = new Headers(init.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  try {
    return await fetch(input, { ...init, credentials: "same-origin", headers, signal: controller?.signal ?? null });
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
  } finally {
    clearTimeout(timer);
  }
}

/** `fetch` with a timeout; a failed or aborted request becomes a `NetworkError`. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const init: RequestInit = { method: options.method ?? "GET" };
  if (options.body !== undefined) {
    init.headers = { "Content-Type": "application/json" };
    init.body = JSON.stringify(options.body);
  }
  return sendRequest(path, init, options.timeoutMs);
}

/** What `readResponse` needs of a response: a `Response` or hc's `ClientResponse`. */
export type ResponseLike = Pick<Response, "ok" | "status" | "headers" | "text">;

/** Parses a JSON response; any non-2xx becomes an `ApiError`. */
export async function readResponse<T>(res: ResponseLike): Promise<T> {
  let body: unknown = null;
  let text = "";
  try {
    text = await res.text();
  } catch (cause) {
    // The connection dropped while reading the body.
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
  }
  if (text) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = null;
    }
  }
  if (!res.ok) throw toApiError(res.status, body, res.headers.get("Retry-After"));
  if (body === null && text) {
    // A 2xx that is not JSON is a proxy or captive portal page, not our server.
    throw new NetworkError(`unexpected non-JSON response (${res.status})`);
  }
  return body as T;
}

/** Builds the `ApiError` for a non-2xx status and its (possibly missing or foreign) body. */
export function toApiError(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = typeof error?.code === "string" ? error.code : `http_${status}`;
  const message = typeof error?.message === "string" ? error.message : `HTTP ${status}`;
  const issues = Array.isArray(error?.issues) ? error.issues.flatMap(toIssue) : [];
  return new ApiError(status, code, message, issues, parseRetryAfter(retryAfter));
}

function toIssue(raw: unknown): ApiIssue[] {
  if (!isRecord(raw) || typeof raw.message !== "string") return [];
  const issue: ApiIssue = { message: raw.message };
  if (typeof raw.question === "string") issue.question = raw.question;
  if (typeof raw.path === "string") issue.path = raw.path;
  else if (Array.isArray(raw.path)) issue.path = raw.path.join(".");
  return [issue];
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One sentence for a failed request, as a form shows it: the server's own reasons when it gave
 * them per field (a bad user name says what a user name may hold), else its message.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.issues.length > 0) {
    const reasons = [...new Set(error.issues.map((i) => i.message).filter(Boolean))];
    if (reasons.length > 0) return reasons.join("；");
  }
  return error instanceof Error ? error.message : String(error);
}
