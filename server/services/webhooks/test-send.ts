import type { Database } from "../../db/client";
import { writeTransaction } from "../../db/write-transaction";
import { getUnit } from "../units/units";
import { attemptDelivery, recordAttempt, type AttemptResult, type WebhookSender } from "./dispatch";
import { testEvent } from "./messages";
import { enqueueEvents, type WebhookDelivery } from "./outbox";
import type { WebhookSubscription } from "./subscriptions";

/**
 * The test-send button: one test message sent now, once (no retries: the admin is waiting for
 * the answer), kept in the delivery log like any other. Its first attempt is set past the
 * request's timeout, so the job's dispatcher never sends it a second time meanwhile.
 */
export async function testSend(
  db: Database,
  sender: WebhookSender,
  subscription: WebhookSubscription,
): Promise<{ delivery: WebhookDelivery; result: AttemptResult }> {
  const now = sender.clock.now();
  const unit = await getUnit(db, subscription.unitCode);
  const event = testEvent({ code: subscription.unitCode, name: unit?.name ?? subscription.unitCode }, now);
  const [queued] = await writeTransaction(db, (tx) =>
    enqueueEvents(tx, subscription, [event], now, new Date(now.getTime() + sender.timeoutMs + 60_000)),
  );
  const result = await attemptDelivery(sender, subscription, queued!);
  // Removed meanwhile: the answer still says how the receiver took it.
  const delivery = (await recordAttempt(db, queued!, result, 1, sender.clock.now())) ?? queued!;
  return { delivery, result };
}
