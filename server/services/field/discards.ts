import { and, eq } from "drizzle-orm";
import type { DiscardReport } from "../../contracts/field";
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import { auditInsert } from "../admin/audit";
import type { User } from "../auth/users";

export const DISCARD_ACTION = "field.discard";

/**
 * Writes the audit entry of a 需处理 item its interviewer discarded on the tablet: who, which
 * client id, the item's summary and the reason. Filed under the interviewer's scope (the item's
 * own unit may be the reason it was refused). A second report of the same id by the same user
 * is a duplicate, so a resend after a lost reply leaves one entry.
 */
export async function recordDiscard(db: Database, user: User, report: DiscardReport, now: Date): Promise<"recorded" | "duplicate"> {
  const clientId = report.clientId.toLowerCase();
  return writeTransaction(db, async (tx) => {
    const seen = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, DISCARD_ACTION), eq(auditLog.target, clientId), eq(auditLog.actor, user.username)))
      .get();
    if (seen) return "duplicate" as const;
    await auditInsert(
      tx,
      {
        actor: user.username,
        action: DISCARD_ACTION,
        target: clientId,
        before: { kind: report.kind, ...report.summary },
        after: { discarded: true, reason: report.reason, deviceId: report.deviceId },
        scopeUnit: user.scope,
      },
      now,
    );
    return "recorded" as const;
  });
}
