/**
 * The sync engine: sends one user's queued visits (and their responses) oldest first, exactly
 * once as far as the server is concerned, however often the network drops.
 *
 * - 201/200: done. A 200 "duplicate" is the answer to a retry after a lost reply: also done.
 * - 401: the session expired; stop and keep everything until the owner logs in again.
 * - 409, 422 and other refusals: the item moves to 需处理 with the server's reason, never dropped.
 * - No answer, 408, 429, 5xx: the pass stops and the next one waits an exponential backoff with
 *   jitter (web/lib/backoff.ts); the items stay pending.
 * - A new item may be held back for its undo window; until it is sent it can be undone or
 *   corrected in place (same client id). A refused item the server never stored can be corrected
 *   and resent, or discarded with a reason once the server has recorded the discard.
 * - Confirmed records beyond the newest KEEP_SYNCED become per-day counts (synced-summary.ts),
 *   so the queue a season of work leaves stays small.
 *
 * @example
 * const engine = createSyncEngine({ store, owner: "zhang", transport: fetchTransport });
 * await engine.start();
 * await engine.enqueue(item);
 */
import type { Heartbeat } from "../../../../server/contracts/field";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "../../../lib/backoff";
import type { ApiIssue } from "../../../lib/http";
import type { InterviewDb } from "../lib/interview-db";
import type { Transport, TransportReply } from "./transport";
import { correctable } from "./corrections";
import { discardReport } from "./discard-report";
import { emptySummary, prunable, summaryTotal, type SyncedSummary } from "./synced-summary";
import { cachedReturned, pullReturned, type Pull, type ReturnedInterview } from "./returned-pull";
import type { QueueItem, SyncProblem, SyncSnapshot, VisitOutcome } from "./types";

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type SyncStore = Pick<
  InterviewDb,
  "itemsOf" | "putItem" | "getMeta" | "setMeta" | "deviceCounts" | "pruneSynced" | "getSummary" | "deleteItem" | "getCatalog" | "putCatalog"
>;

export interface SyncEngineOptions {
  store: SyncStore;
  owner: string;
  transport: Transport;
  timers?: Timers;
  random?: () => number;
  backoff?: BackoffOptions;
  /** Sent after each pass that reached the server, so offices see what this tablet still holds. */
  device?: { deviceId: string; appVersion: string };
  /** An idle tablet (nothing to send) still reports this often, so offices can tell it is alive. */
  idleHeartbeatMs?: number;
  /** Asks for the owner's returned interviews (退回) whenever a heartbeat is sent (returned-pull.ts). */
  pull?: Pull;
}

const IDLE_HEARTBEAT_MS = 5 * 60_000;

export interface SyncEngine {
  /** Loads the owner's queue and starts sending. */
  start(): Promise<void>;
  stop(): void;
  /**
   * Adds a new item (already stored by the caller, or stored here) and syncs; `holdMs` keeps it
   * back that long, the window in which it can still be undone.
   */
  enqueue(item: QueueItem, alreadyStored?: boolean, options?: { holdMs?: number }): Promise<void>;
  /** Skips any backoff wait and runs a pass now; resolves when that pass ends. */
  syncNow(): Promise<void>;
  /** Moves a 需处理 item back to the queue (e.g. after an admin fixed a scope). */
  retry(id: string): Promise<void>;
  /** Deletes an unsent visit (no interview, nothing of it on the server); false if too late. */
  undo(id: string): Promise<boolean>;
  /** Edits an unsent or refused-and-never-stored visit in place, same client id; false if locked. */
  correct(id: string, patch: VisitCorrection): Promise<boolean>;
  /** Reports a refused item's discard to the server (audited), then deletes it here. */
  discard(id: string, reason: string): Promise<DiscardResult>;
  snapshot(): SyncSnapshot;
  subscribe(listener: (s: SyncSnapshot) => void): () => void;
}

export interface VisitCorrection {
  household?: string;
  /** Only between the outcomes without a questionnaire. */
  outcome?: Exclude<VisitOutcome, "completed">;
}

export type DiscardResult = { kind: "discarded" } | { kind: "offline" } | { kind: "refused"; message: string } | { kind: "locked" };

type Verdict =
  | { kind: "ok"; status: number }
  | { kind: "refused"; problem: SyncProblem }
  | { kind: "auth" }
  | { kind: "transient"; reason: string; retryAfterMs: number | null };

const lastSyncKey = (owner: string) => `lastSyncAt:${owner}`;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, owner, transport } = options;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const listeners = new Set<(s: SyncSnapshot) => void>();

  let items: QueueItem[] = [];
  let lastSyncAt: string | null = null;
  let phase: SyncSnapshot["phase"] = "stopped";
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let lastHeartbeatMs = Number.NEGATIVE_INFINITY;
  let summary: SyncedSummary = emptySummary();
  let returned: ReturnedInterview[] = [];
  /** Item id -> when its undo window ends; in memory only (a reload ends every window). */
  const held = new Map<string, number>();
  let holdTimer: unknown = null;
  /** The item whose requests are on the wire: it can no longer be undone or corrected. */
  let sending: string | null = null;

  const nowIso = () => new Date(timers.now()).toISOString();

  function snapshot(): SyncSnapshot {
    const count = (state: QueueItem["state"]) => items.filter((i) => i.state === state).length;
    return {
      owner,
      items: [...items],
      pending: count("pending"),
      synced: count("done") + summaryTotal(summary),
      summary,
      needsAttention: count("needs_attention"),
      lastSyncAt,
      phase,
      nextAttemptAt,
      failures,
      returned,
    };
  }
  const emit = () => {
    const s = snapshot();
    for (const l of listeners) l(s);
  };

  async function save(item: QueueItem): Promise<void> {
    await store.putItem(item);
    items = items.map((i) => (i.id === item.id ? item : i));
    emit();
  }

  function clearTimer() {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    nextAttemptAt = null;
  }

  function schedule(delayMs: number) {
    clearTimer();
    nextAttemptAt = timers.now() + delayMs;
    timer = timers.setTimeout(() => {
      timer = null;
      nextAttemptAt = null;
      void kick();
    }, delayMs);
  }

  const isHeld = (id: string) => (held.get(id) ?? 0) > timers.now();

  /** Wakes the engine when the next undo window ends, so a held item is sent right after it. */
  function armHold() {
    if (holdTimer !== null) timers.clearTimeout(holdTimer);
    holdTimer = null;
    for (const [id, until] of held) if (until <= timers.now()) held.delete(id);
    if (held.size === 0) return;
    const next = Math.min(...held.values());
    holdTimer = timers.setTimeout(
      () => {
        holdTimer = null;
        // A backoff wait is running: its timer sends the item; do not cut the wait short.
        if (phase !== "waiting") void kick();
        else armHold();
      },
      Math.max(0, next - timers.now()),
    );
  }

  /** Turns confirmed records beyond the newest KEEP_SYNCED into counts. */
  async function prune(): Promise<void> {
    const victims = prunable(items);
    if (victims.length === 0) return;
    const result = await store.pruneSynced(
      owner,
      victims.map((i) => i.id),
    );
    summary = result.summary;
    const gone = new Set(result.pruned);
    items = items.filter((i) => !gone.has(i.id));
    emit();
  }

  /** Runs a pass unless one is running; a request during a pass runs one more right after. */
  function kick(): Promise<void> {
    if (phase === "stopped" || phase === "auth_required") return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && phase === "idle");
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function pass(): Promise<void> {
    armHold();
    const queue = items.filter((i) => i.state === "pending" && !isHeld(i.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (queue.length === 0) {
      phase = "idle";
      emit();
      if (timers.now() - lastHeartbeatMs >= (options.idleHeartbeatMs ?? IDLE_HEARTBEAT_MS)) await heartbeat();
      return;
    }
    clearTimer();
    phase = "syncing";
    emit();
    for (const queued of queue) {
      if (phase !== "syncing") return; // stopped meanwhile
      // Undone or corrected since the pass began: send what is stored now, or nothing.
      const item = items.find((i) => i.id === queued.id);
      if (item?.state !== "pending") continue;
      sending = item.id;
      let verdict: Verdict;
      try {
        verdict = await send(item);
      } finally {
        sending = null;
      }
      if (verdict.kind === "auth") {
        phase = "auth_required";
        emit();
        return;
      }
      if (verdict.kind === "transient") {
        const wait = Math.max(backoffDelay(failures, backoff, random), verdict.retryAfterMs ?? 0);
        failures++;
        phase = "waiting";
        schedule(wait);
        emit();
        return;
      }
    }
    failures = 0;
    lastSyncAt = nowIso();
    await store.setMeta(lastSyncKey(owner), lastSyncAt);
    await prune();
    await heartbeat();
    if (phase === "syncing") phase = "idle";
    emit();
  }

  /** Sends one item: its response first (if not yet confirmed), then the visit. */
  async function send(start: QueueItem): Promise<Verdict> {
    let item: QueueItem = { ...start, attempts: start.attempts + 1 };
    if (item.response && !item.responseSyncedAt) {
      const verdict = await post("/api/v1/responses", item.response, "response");
      if (verdict.kind !== "ok") return settle(item, verdict);
      item = { ...item, responseSyncedAt: nowIso() };
      await save(item);
    }
    const verdict = await post("/api/v1/visits", item.visit, "visit");
    if (verdict.kind !== "ok") return settle(item, verdict);
    const at = nowIso();
    await save({ ...item, state: "done", syncedAt: at, lastError: null, problem: null });
    lastSyncAt = at;
    return verdict;
  }

  async function settle(item: QueueItem, verdict: Verdict): Promise<Verdict> {
    if (verdict.kind === "refused") {
      await save({ ...item, state: "needs_attention", problem: verdict.problem, lastError: null });
    } else if (verdict.kind === "transient") {
      await save({ ...item, lastError: verdict.reason });
    } else {
      await save(item);
    }
    return verdict;
  }

  async function post(path: string, body: unknown, part: SyncProblem["part"]): Promise<Verdict> {
    let reply: TransportReply;
    try {
      reply = await transport(path, body);
    } catch (error) {
      return { kind: "transient", reason: error instanceof Error ? error.message : String(error), retryAfterMs: null };
    }
    const verdict = classify(reply, part);
    // The server answered: the network works again, so the next wait starts short.
    if (verdict.kind === "ok" || verdict.kind === "refused") failures = 0;
    return verdict;
  }

  async function heartbeat(): Promise<void> {
    if (options.device) {
      try {
        const counts = await store.deviceCounts();
        const beat: Heartbeat = { ...options.device, ...counts, lastSyncAt };
        await transport("/api/v1/devices/heartbeat", beat);
        lastHeartbeatMs = timers.now();
      } catch {
        // A missed heartbeat is harmless: the next pass sends another.
      }
    }
    if (options.pull) {
      const list = await pullReturned(options.pull, store, owner);
      // Only a changed list re-renders the workspace (the pull runs with every heartbeat).
      if (list && JSON.stringify(list) !== JSON.stringify(returned)) {
        returned = list;
        emit();
      }
    }
  }

  return {
    async start() {
      items = await store.itemsOf(owner);
      lastSyncAt = (await store.getMeta<string>(lastSyncKey(owner))) ?? null;
      summary = await store.getSummary(owner);
      returned = await cachedReturned(store, owner);
      await prune();
      phase = "idle";
      emit();
      await kick();
    },
    stop() {
      clearTimer();
      if (holdTimer !== null) timers.clearTimeout(holdTimer);
      holdTimer = null;
      phase = "stopped";
      emit();
    },
    async enqueue(item, alreadyStored = false, options = {}) {
      if (item.owner !== owner) throw new Error(`item of ${item.owner} given to the engine of ${owner}`);
      if (!alreadyStored) await store.putItem(item);
      if (options.holdMs) held.set(item.id, timers.now() + options.holdMs);
      items = [...items.filter((i) => i.id !== item.id), item];
      emit();
      if (phase !== "waiting") await kick();
    },
    async syncNow() {
      if (phase === "waiting") {
        clearTimer();
        phase = "idle";
      }
      await kick();
    },
    async retry(id) {
      const item = items.find((i) => i.id === id && i.state === "needs_attention");
      if (!item) return;
      await save({ ...item, state: "pending", problem: null });
      await this.syncNow();
    },
    async undo(id) {
      const item = items.find((i) => i.id === id);
      // An interview is never thrown away by an undo; a visit on the wire may already be stored.
      if (item?.state !== "pending" || item.response !== null || sending === id) return false;
      await store.deleteItem(id);
      held.delete(id);
      items = items.filter((i) => i.id !== id);
      emit();
      return true;
    },
    async correct(id, patch) {
      const item = items.find((i) => i.id === id);
      if (!item || sending === id || !correctable(item)) return false;
      if (patch.outcome && item.visit.outcome === "completed") return false;
      const household = patch.household?.trim();
      const wasRefused = item.state === "needs_attention";
      await save({
        ...item,
        state: "pending",
        problem: null,
        lastError: null,
        visit: { ...item.visit, household: household || item.visit.household, outcome: patch.outcome ?? item.visit.outcome },
      });
      if (wasRefused) await this.syncNow();
      return true;
    },
    async discard(id, reason) {
      const item = items.find((i) => i.id === id && i.state === "needs_attention");
      if (!item || sending === id) return { kind: "locked" };
      let reply: TransportReply;
      try {
        reply = await transport("/api/v1/devices/discards", discardReport(item, reason));
      } catch {
        return { kind: "offline" };
      }
      if (reply.status !== 200 && reply.status !== 201) {
        const verdict = classify(reply, "visit");
        if (verdict.kind === "transient") return { kind: "offline" };
        if (verdict.kind === "auth") {
          phase = "auth_required";
          emit();
        }
        return { kind: "refused", message: verdict.kind === "refused" ? verdict.problem.message : `HTTP ${reply.status}` };
      }
      // Only now that the server holds the audit entry does the item leave the tablet.
      await store.deleteItem(id);
      items = items.filter((i) => i.id !== id);
      emit();
      return { kind: "discarded" };
    },
    snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What a server answer means for the queue. */
export function classify(reply: TransportReply, part: SyncProblem["part"]): Verdict {
  const { status } = reply;
  if (status === 200 || status === 201) return { kind: "ok", status };
  if (status === 401) return { kind: "auth" };
  if (status === 408 || status === 429 || status >= 500 || status < 200) {
    return { kind: "transient", reason: `HTTP ${status}`, retryAfterMs: reply.retryAfterMs };
  }
  const error = (reply.body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  return {
    kind: "refused",
    problem: {
      part,
      status,
      code: typeof error?.code === "string" ? error.code : `http_${status}`,
      message: typeof error?.message === "string" ? error.message : `HTTP ${status}`,
      issues: Array.isArray(error?.issues) ? (error.issues as ApiIssue[]) : [],
    },
  };
}
