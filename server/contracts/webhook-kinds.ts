/**
 * The webhook formats and event kinds as a pure module (no zod), so the admin page can list them
 * without pulling the schemas into its bundle (as roles.ts and unit-kinds.ts do).
 */

/** Message formats a receiver understands: our JSON, 企业微信 group robot, 钉钉 robot. */
export const WEBHOOK_FORMATS = ["generic", "wecom", "dingtalk"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/**
 * What a subscription can be told about: a metric's status at a unit changing between 达标 and
 * 未达标, a burst of flagged QR responses at one poster, a tablet with unsent work and no
 * heartbeat for hours. `test` is the test-send button's message (never subscribed to).
 */
export const WEBHOOK_EVENTS = ["metric_status", "qr_burst", "device_stale"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type WebhookEventKind = WebhookEvent | "test";
