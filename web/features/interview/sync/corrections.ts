import type { QueueItem } from "./types";

/**
 * Whether a visit may still be changed on the tablet: it has not been confirmed, and if the server
 * refused it, the server stored nothing under its id (a 409 says the id is taken by other
 * content, so resending the same id could never succeed: only a discard is left).
 */
export function correctable(item: QueueItem): boolean {
  if (item.state === "pending") return true;
  if (item.state === "needs_attention") return item.problem?.status !== 409;
  return false;
}
