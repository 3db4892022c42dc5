import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { createWebhookSchema, listWebhooksQuerySchema, updateWebhookSchema, webhookDeliveriesQuerySchema } from "../contracts/webhooks";
import { jsonBody, queryParams } from "../middleware/validate";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { describe, REFUSALS } from "../openapi/describe";
import type { WebhookDelivery } from "../services/webhooks/outbox";
import {
  createWebhook,
  deleteWebhook,
  getScopedWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
  webhookView,
} from "../services/webhooks/subscriptions";
import { testSend } from "../services/webhooks/test-send";
import { senderOf } from "../services/webhooks/webhook-job";

/** A delivery as the log shows it: the body sent, how often, and what the receiver said. */
const deliveryView = (d: WebhookDelivery) => ({
  id: d.id,
  eventKind: d.eventKind,
  eventKey: d.eventKey,
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: d.state === "pending" ? d.nextAttemptAt : null,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
  body: d.body,
});

/**
 * Outbound webhooks (issue 14 part 5): subscriptions of a unit's subtree to alerts, admin only,
 * the unit in the admin's scope (stored and new). Every change is audited (never the secret).
 * The detection and sending run in services/webhooks/webhook-job.ts, outside these requests.
 */
export const webhookRoutes = new Hono<AppEnv>()
  .use(requireRole("admin"))
  .get(
    "/",
    describe("Webhooks", "List the webhook subscriptions in scope", { 200: "The subscriptions", ...REFUSALS.signedIn, ...REFUSALS.query }),
    queryParams(listWebhooksQuerySchema),
    async (c) => {
      const { unit } = c.req.valid("query");
      if (unit) await assertInScope(c, unit);
      const rows = await listWebhooks(c.var.services.db, currentUser(c).scope, unit);
      return c.json({ webhooks: rows.map(webhookView) }, 200);
    },
  )
  .post(
    "/",
    describe("Webhooks", "Subscribe a receiver to a unit's alerts", {
      201: "The subscription and its secret (shown this once)",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
    }),
    jsonBody(createWebhookSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const { subscription, secret } = await createWebhook(db, currentUser(c), c.req.valid("json"), clock.now());
      return c.json({ webhook: webhookView(subscription), secret }, 201);
    },
  )
  .patch(
    "/:id",
    describe("Webhooks", "Change a subscription (name, address, format, events, unit, active)", {
      200: "The subscription",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    jsonBody(updateWebhookSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const updated = await updateWebhook(db, currentUser(c), c.req.param("id"), c.req.valid("json"), clock.now());
      return c.json({ webhook: webhookView(updated) }, 200);
    },
  )
  .delete(
    "/:id",
    describe("Webhooks", "Remove a subscription and its delivery log", { 200: "Removed", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
    async (c) => {
      const { db, clock } = c.var.services;
      await deleteWebhook(db, currentUser(c), c.req.param("id"), clock.now());
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    "/:id/test",
    describe("Webhooks", "Send a test message now and answer how the receiver took it", {
      200: "The attempt's outcome and its delivery log entry",
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
    }),
    async (c) => {
      const { db, clock, config, fetch } = c.var.services;
      const subscription = await getScopedWebhook(db, currentUser(c), c.req.param("id"));
      const { delivery, result } = await testSend(db, senderOf({ clock, fetch, config }), subscription);
      return c.json(
        { ok: result.ok, status: result.status, error: result.error, durationMs: result.durationMs, delivery: deliveryView(delivery) },
        200,
      );
    },
  )
  .get(
    "/:id/deliveries",
    describe("Webhooks", "A subscription's delivery log, newest first", {
      200: "A page of deliveries and the id to page on from",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    queryParams(webhookDeliveriesQuerySchema),
    async (c) => {
      const { db } = c.var.services;
      const subscription = await getScopedWebhook(db, currentUser(c), c.req.param("id"));
      const page = await listDeliveries(db, subscription.id, c.req.valid("query"));
      return c.json({ deliveries: page.deliveries.map(deliveryView), next: page.next }, 200);
    },
  );
