import { asc, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { responses, rollups } from "../../db/schema";
import { drizzleExecutor } from "../../db/sql-executor";
import { applyRollups, rollupSourceColumns, toRollupInputs } from "./rollups";
import type { SurveyRegistry } from "../surveys/survey-registry";

/**
 * Recomputes the rollups from the raw responses: after a bug fix in the counting rules,
 * a restore, or to check the incremental rollups. One transaction, so readers see the old
 * rollups until the new ones are complete; responses are read in keyset pages so memory stays
 * flat whatever the table size.
 *
 * @example const { responses } = await rebuildRollups(db, registry, { batchSize: 2000 });
 */
export async function rebuildRollups(
  db: Database,
  registry: SurveyRegistry,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<{ responses: number }> {
  const batchSize = options.batchSize ?? 2000;
  return db.transaction(async (tx) => {
    await tx.delete(rollups);
    let after = "";
    let done = 0;
    for (;;) {
      const page = await tx
        .select({ id: responses.id, ...rollupSourceColumns })
        .from(responses)
        .where(gt(responses.id, after))
        .orderBy(asc(responses.id))
        .limit(batchSize);
      if (page.length === 0) break;
      const inputs = await toRollupInputs(registry, page);
      await applyRollups(drizzleExecutor(tx), inputs);
      done += page.length;
      after = page.at(-1)!.id;
      options.onProgress?.(done);
    }
    return { responses: done };
  });
}
