/**
 * Returned interviews (退回, issue 16): after a pass that reached the server, the engine asks
 * GET /api/v1/field-review/returned for the owner's interviews a supervisor sent back, with the
 * reason, and keeps the answer in the catalog store (key per owner) so the list is there offline.
 * A failed pull keeps the last list: being offline does not make a return disappear.
 */
import type { InferResponseType } from "hono/client";
import type { api } from "../../../lib/api-client";
import { apiFetch } from "../../../lib/http";
import type { InterviewDb } from "../lib/interview-db";

export type ReturnedInterview = InferResponseType<(typeof api)["field-review"]["returned"]["$get"], 200>["returned"][number];

/** A GET that answers the status and the parsed body, or throws when no answer came. */
export type Pull = (path: string) => Promise<{ status: number; body: unknown }>;

export const RETURNED_PATH = "/api/v1/field-review/returned";

export const fetchPull: Pull = async (path) => {
  const res = await apiFetch(path, { timeoutMs: 20_000 });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as unknown) : null };
};

export const returnedKey = (owner: string) => `returned:${owner}`;

export type ReturnedStore = Pick<InterviewDb, "getCatalog" | "putCatalog">;

export async function cachedReturned(store: ReturnedStore, owner: string): Promise<ReturnedInterview[]> {
  return (await store.getCatalog<ReturnedInterview[]>(returnedKey(owner))) ?? [];
}

/** The server's list, stored for offline use; null when it did not answer 200 (keep what is cached). */
export async function pullReturned(pull: Pull, store: ReturnedStore, owner: string): Promise<ReturnedInterview[] | null> {
  let reply: { status: number; body: unknown };
  try {
    reply = await pull(RETURNED_PATH);
  } catch {
    return null;
  }
  if (reply.status !== 200) return null;
  const list = (reply.body as { returned?: ReturnedInterview[] } | null)?.returned;
  if (!Array.isArray(list)) return null;
  await store.putCatalog(returnedKey(owner), list);
  return list;
}
