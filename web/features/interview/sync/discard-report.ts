import type { DiscardReport } from "../../../../server/contracts/field";
import type { QueueItem } from "./types";

/** Body of POST /api/v1/devices/discards for a refused item its interviewer discards. */
export function discardReport(item: QueueItem, reason: string): DiscardReport {
  return {
    clientId: item.id,
    kind: item.response ? "interview" : "visit",
    deviceId: item.visit.deviceId,
    reason: reason.trim(),
    summary: {
      unitCode: item.visit.unitCode,
      surveyId: item.visit.surveyId,
      household: item.visit.household,
      outcome: item.visit.outcome,
      visitedAt: item.visit.visitedAt,
      responseId: item.visit.responseId,
      refusal: item.problem ? { status: item.problem.status, code: item.problem.code } : null,
    },
  };
}
