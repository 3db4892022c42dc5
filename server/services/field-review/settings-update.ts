import { and, asc, eq, gt } from "drizzle-orm";
import type { FieldReviewSettings } from "../../contracts/field-review";
import type { Database } from "../../db/client";
import { responses, units } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import { randomToken } from "../../lib/crypto";
import { auditInsert } from "../admin/audit";
import type { User } from "../auth/users";
import { forbidden } from "../refusal";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { publicSettings, readFieldReviewSettings, writeFieldReviewSettings } from "./review-settings";
import { type Definitions, loadDefinitions, interviewVersions, reviewStatesOf, settleSides } from "./sides";

/**
 * Replaces the field review settings. They apply to every interview of the deployment (one rule
 * for the whole city's rates), so only an admin whose scope is the top of the tree may change
 * them. When `counted` changes, every interview whose side changes moves in this same
 * transaction, with the settings and their audit entry: readers see the old rates or the new,
 * never a mixture. The seed of the back-check draw is made on the first write and kept.
 */
export async function updateFieldReviewSettings(
  db: Database,
  registry: SurveyRegistry,
  user: User,
  value: FieldReviewSettings,
  now: Date,
): Promise<{ settings: FieldReviewSettings; moved: number }> {
  const scope = await db.select({ parent: units.parentCode }).from(units).where(eq(units.code, user.scope)).get();
  if (!scope || scope.parent !== null) throw forbidden("审核设置对全市生效，只有全市管理员可以修改");
  const definitions = await loadDefinitions(registry, await interviewVersions(db));
  return writeTransaction(db, async (tx) => {
    const before = await readFieldReviewSettings(tx);
    const next = { ...value, seed: before.seed ?? randomToken(16) };
    await writeFieldReviewSettings(tx, next, now);
    const moved = before.counted === value.counted ? 0 : await settleAllInterviews(tx, value.counted, definitions);
    await auditInsert(
      tx,
      {
        actor: user.username,
        action: "settings.field_review",
        target: "field_review",
        scopeUnit: user.scope,
        before: publicSettings(before),
        after: { ...value, ...(moved > 0 ? { moved } : {}) },
      },
      now,
    );
    return { settings: publicSettings(next), moved };
  });
}

/** Every interview, in keyset pages so memory stays flat, put on the side the new policy gives. */
async function settleAllInterviews(tx: DrizzleTx, policy: FieldReviewSettings["counted"], definitions: Definitions): Promise<number> {
  let after = "";
  let moved = 0;
  for (;;) {
    const page = await tx
      .select()
      .from(responses)
      .where(and(eq(responses.channel, "interview"), gt(responses.id, after)))
      .orderBy(asc(responses.id))
      .limit(1000);
    if (page.length === 0) return moved;
    const states = await reviewStatesOf(
      tx,
      page.map((r) => r.id),
    );
    moved += (await settleSides(tx, page, states, policy, definitions)).length;
    after = page.at(-1)!.id;
  }
}
