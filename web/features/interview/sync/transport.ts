/**
 * How the sync engine reaches the server: a POST that either returns the server's answer
 * (any status) or throws when no answer came (offline, dropped connection, timeout). The browser
 * uses `fetchTransport`; tests pass one that calls the real app in memory.
 */
import { apiFetch, NetworkError, parseRetryAfter } from "../../../lib/http";

export interface TransportReply {
  status: number;
  body: unknown;
  retryAfterMs: number | null;
}

export type Transport = (path: string, body: unknown) => Promise<TransportReply>;

export { NetworkError };

export const fetchTransport: Transport = async (path, body) => {
  const res = await apiFetch(path, { method: "POST", body, timeoutMs: 20_000 });
  let text: string;
  try {
    text = await res.text();
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
  }
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // A proxy or captive portal page: not our server, so not an answer.
    throw new NetworkError(`non-JSON reply (${res.status})`);
  }
  return { status: res.status, body: parsed, retryAfterMs: parseRetryAfter(res.headers.get("Retry-After")) };
};
