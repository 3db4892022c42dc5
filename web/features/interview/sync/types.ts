/**
 * What the tablet keeps until the server has it. One queue item is one visit (入户记录); a 完成
 * visit carries its response, which is sent first (the server checks the visit points at it).
 */
import type { ApiIssue } from "../../../lib/http";

export type VisitOutcome = "completed" | "refused" | "not_home" | "vacant";

/** Body of POST /api/v1/visits (server/contracts/field.ts). */
export interface VisitPayload {
  id: string;
  unitCode: string;
  surveyId: string;
  household: string;
  outcome: VisitOutcome;
  responseId: string | null;
  visitedAt: string;
  deviceId: string;
  durationMs: number | null;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
}

/** Body of POST /api/v1/responses with channel "interview" (DESIGN.md §4). */
export interface ResponsePayload {
  id: string;
  surveyId: string;
  surveyVersion: number;
  channel: "interview";
  answers: Record<string, unknown>;
  startedAt: string;
  completedAt: string;
  deviceId: string;
  unitCode: string;
}

/**
 * pending: waiting to be sent (also after a failed try: the engine backs off, nothing is lost);
 * done: the server confirmed it (accepted, or duplicate after a lost reply);
 * needs_attention: the server refused it (409, 422, ...): kept, shown in 需处理 with the reason.
 */
export type QueueState = "pending" | "done" | "needs_attention";

export interface SyncProblem {
  part: "response" | "visit";
  status: number;
  code: string;
  message: string;
  issues: ApiIssue[];
}

export interface QueueItem {
  id: string;
  /** Username of the interviewer who recorded it: only they see it and only their session sends it. */
  owner: string;
  state: QueueState;
  createdAt: string;
  /** Shown in lists without opening the payload. */
  unitName: string;
  visit: VisitPayload;
  response: ResponsePayload | null;
  /** Set once the server confirmed the response, so a retry sends only the visit. */
  responseSyncedAt: string | null;
  syncedAt: string | null;
  attempts: number;
  /** Last transient failure (offline, 5xx) for the status line; the item stays pending. */
  lastError: string | null;
  problem: SyncProblem | null;
}

export interface SyncSnapshot {
  owner: string;
  items: QueueItem[];
  pending: number;
  synced: number;
  needsAttention: number;
  lastSyncAt: string | null;
  /** idle: nothing to do; syncing: a pass is running; waiting: backing off until nextAttemptAt;
   * auth_required: the server said 401, items are kept until the owner logs in again. */
  phase: "idle" | "syncing" | "waiting" | "auth_required" | "stopped";
  nextAttemptAt: number | null;
  failures: number;
}
