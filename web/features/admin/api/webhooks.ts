import type { InferRequestType, InferResponseType } from "hono/client";
import { api, unwrap } from "../../../lib/api-client";

export type Webhook = InferResponseType<typeof api.webhooks.$get, 200>["webhooks"][number];
export type NewWebhook = InferRequestType<typeof api.webhooks.$post>["json"];
export type WebhookChanges = InferRequestType<(typeof api.webhooks)[":id"]["$patch"]>["json"];
export type TestSendResult = InferResponseType<(typeof api.webhooks)[":id"]["test"]["$post"], 200>;
export type DeliveryPage = InferResponseType<(typeof api.webhooks)[":id"]["deliveries"]["$get"], 200>;
export type Delivery = DeliveryPage["deliveries"][number];

const param = (id: string) => ({ id: encodeURIComponent(id) });

export const listWebhooks = () => unwrap(api.webhooks.$get({ query: {} })).then((r) => r.webhooks);
export const createWebhook = (input: NewWebhook) => unwrap(api.webhooks.$post({ json: input }));
export const updateWebhook = (id: string, changes: WebhookChanges) =>
  unwrap(api.webhooks[":id"].$patch({ param: param(id), json: changes }));
export const deleteWebhook = (id: string) => unwrap(api.webhooks[":id"].$delete({ param: param(id) }));
/** The receiver may take up to the server's timeout (5 s), well inside the client's 20 s. */
export const testWebhook = (id: string) => unwrap(api.webhooks[":id"].test.$post({ param: param(id) }));
export const listDeliveries = (id: string, before?: string) =>
  unwrap(api.webhooks[":id"].deliveries.$get({ param: param(id), query: before ? { limit: "20", before } : { limit: "20" } }));
