import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posters, unitClosure } from "../../db/schema";
import type { PosterWindowChange } from "../../contracts/posters";
import type { DrizzleTx } from "../../db/sql-executor";
import { conflict, forbidden, invalid, notFound } from "../refusal";
import { writeTransaction } from "../../db/write-transaction";
import { audited, auditInsert } from "../admin/audit";
import { newPosterRow, type NewPoster, type Poster } from "./posters";

/**
 * A poster and its audit entry in one write transaction (queued with the other admin changes):
 * there is never a poster nobody is recorded as having made.
 */
export async function createPosterAudited(db: Database, input: NewPoster, now: Date): Promise<Poster> {
  return audited(db, now, async (tx) => {
    const poster = newPosterRow(input, now);
    await tx.insert(posters).values(poster);
    return {
      result: poster,
      entry: { actor: input.createdBy, action: "posters.create", target: poster.id, scopeUnit: poster.unitCode, after: poster },
    };
  });
}

interface PosterChange {
  id: string;
  actor: string;
  /** The caller's scope: the poster's stored unit must lie inside it. */
  scope: string;
}

/** Reads the poster inside the transaction and checks the caller's scope against its stored unit. */
async function scopedPosterIn(tx: DrizzleTx, change: PosterChange): Promise<Poster> {
  const poster = await tx.query.posters.findFirst({ where: eq(posters.id, change.id) });
  if (!poster) throw notFound("海报");
  const inScope = await tx
    .select({ depth: unitClosure.depth })
    .from(unitClosure)
    .where(and(eq(unitClosure.ancestor, change.scope), eq(unitClosure.descendant, poster.unitCode)))
    .get();
  if (!inScope) throw forbidden("无权管理该单位的海报");
  return poster;
}

const inTransaction = <T>(db: Database, work: (tx: DrizzleTx) => Promise<T>) => writeTransaction(db, work);

/**
 * Revokes a poster for good: its page says so and its submissions get 410. Revoking a revoked
 * poster changes nothing (the first revocation and its author stay). Row and audit entry are
 * written in one transaction.
 *
 * @example const { poster, changed } = await revokePoster(db, { id, actor: "admin", scope: root, reason: "海报张贴位置错误" }, now);
 */
export async function revokePoster(
  db: Database,
  change: PosterChange & { reason: string },
  now: Date,
): Promise<{ poster: Poster; changed: boolean }> {
  return inTransaction(db, async (tx) => {
    const poster = await scopedPosterIn(tx, change);
    if (poster.revokedAt) return { poster, changed: false };
    const [updated] = await tx
      .update(posters)
      .set({ revokedAt: now.toISOString(), revokedBy: change.actor })
      .where(eq(posters.id, poster.id))
      .returning();
    await auditInsert(
      tx,
      {
        actor: change.actor,
        action: "posters.revoke",
        target: poster.id,
        scopeUnit: poster.unitCode,
        before: { revokedAt: null },
        after: { revokedAt: updated!.revokedAt, revokedBy: change.actor, reason: change.reason },
      },
      now,
    );
    return { poster: updated!, changed: true };
  });
}

/**
 * Sets or clears either end of a poster's collection window (one transaction with its audit
 * entry). A revoked poster's window no longer matters and is not changed (409); the merged
 * window must end after it starts (422).
 */
export async function changePosterWindow(db: Database, change: PosterChange & { window: PosterWindowChange }, now: Date): Promise<Poster> {
  return inTransaction(db, async (tx) => {
    const poster = await scopedPosterIn(tx, change);
    if (poster.revokedAt) throw conflict("poster_revoked", "海报已撤销，不能再修改收集时间");
    const next = {
      startsAt: change.window.startsAt === undefined ? poster.startsAt : change.window.startsAt,
      endsAt: change.window.endsAt === undefined ? poster.endsAt : change.window.endsAt,
    };
    if (next.startsAt && next.endsAt && next.startsAt >= next.endsAt) {
      throw invalid("invalid_window", "结束时间必须晚于开始时间", [{ path: "endsAt", message: "结束时间必须晚于开始时间" }]);
    }
    const [updated] = await tx.update(posters).set(next).where(eq(posters.id, poster.id)).returning();
    await auditInsert(
      tx,
      {
        actor: change.actor,
        action: "posters.window",
        target: poster.id,
        scopeUnit: poster.unitCode,
        before: { startsAt: poster.startsAt, endsAt: poster.endsAt },
        after: next,
      },
      now,
    );
    return updated!;
  });
}
