/**
 * What the tablet keeps until the server has it. One queue item is one visit (入户记录); a 完成
 * visit carries its response, which is sent first (the server checks the visit points at it).
 */
// Types only (no zod in the bundle): the payloads are the server's own request contracts.
import type { SubmitVisit } from "../../../../server/contracts/field";
import type { SubmitResponse } from "../../../../server/contracts/responses";
import type { ApiIssue } from "../../../lib/http";
import type { SyncedSummary } from "./synced-summary";
import type { ReturnedInterview } from "./returned-pull";

export type { VisitOutcome } from "../../../../server/contracts/field";

/** Body of POST /api/v1/visits (server/contracts/field.ts), every optional field spelled out but the register door (issue 16). */
export type VisitPayload = Required<Omit<SubmitVisit, "registerEntryId" | "newDoor">> & Pick<SubmitVisit, "registerEntryId" | "newDoor">;

/** Body of POST /api/v1/responses with channel "interview" (docs/design.md §4): a unit, no token. */
export type ResponsePayload = Omit<SubmitResponse, "channel" | "token" | "unitCode"> & { channel: "interview"; unitCode: string };

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
  /** Confirmed visits: the records still held plus those pruned into `summary`. */
  synced: number;
  /** Counts of confirmed visits whose records were pruned (synced-summary.ts). */
  summary: SyncedSummary;
  needsAttention: number;
  lastSyncAt: string | null;
  /** idle: nothing to do; syncing: a pass is running; waiting: backing off until nextAttemptAt;
   * auth_required: the server said 401, items are kept until the owner logs in again. */
  phase: "idle" | "syncing" | "waiting" | "auth_required" | "stopped";
  nextAttemptAt: number | null;
  failures: number;
  /** The owner's interviews a supervisor returned (退回), with the reason; kept offline (returned-pull.ts). */
  returned: ReturnedInterview[];
}
