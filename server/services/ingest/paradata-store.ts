import type { Paradata } from "../../contracts/paradata";
import type { Database } from "../../db/client";
import { responseParadata } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";

/**
 * Stores an interview's paradata beside its response, after the response's own transaction
 * committed: the response writer's batched path stays as it was, and QR responses never carry
 * paradata. Insert-or-ignore by response id, run for `accepted` and `duplicate` alike, so a tablet
 * that retries after a lost answer (or after this write failed) fills it in, and the first stored
 * copy is never changed.
 */
export async function storeParadata(db: Database, responseId: string, paradata: Paradata, now: Date): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx
      .insert(responseParadata)
      .values({
        responseId,
        pages: JSON.stringify(paradata.pages),
        changes: JSON.stringify(paradata.changes),
        totalMs: paradata.pages.reduce((n, p) => n + p.ms, 0),
        totalChanges: paradata.changes.reduce((n, c) => n + c.count, 0),
        receivedAt: now.toISOString(),
      })
      .onConflictDoNothing();
  });
}
