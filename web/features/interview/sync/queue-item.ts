import type { QueueItem, ResponsePayload, VisitPayload } from "./types";

/**
 * A new queue item for a recorded visit; `response` only for 完成.
 *
 * @example newQueueItem({ owner: "zhang", unitName: "民主社区", visit, response: null, now: new Date() })
 */
export function newQueueItem(input: {
  owner: string;
  unitName: string;
  visit: VisitPayload;
  response: ResponsePayload | null;
  now: Date;
}): QueueItem {
  return {
    id: input.visit.id,
    owner: input.owner,
    state: "pending",
    createdAt: input.now.toISOString(),
    unitName: input.unitName,
    visit: input.visit,
    response: input.response,
    responseSyncedAt: null,
    syncedAt: null,
    attempts: 0,
    lastError: null,
    problem: null,
  };
}
