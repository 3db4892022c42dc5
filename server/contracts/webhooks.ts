import { z } from "zod";
import { unitCodeSchema } from "./units";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from "./webhook-kinds";

export { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent, type WebhookEventKind, type WebhookFormat } from "./webhook-kinds";

/**
 * A receiver's address: http(s) only and no credentials in it (they would sit in the database
 * and in every log line that shows the URL). Admins alone create subscriptions; the server will
 * call whatever host they name, so docs/api.md "Webhooks" says what that means (SSRF).
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "地址过长")
  .refine((v) => URL.canParse(v), "地址格式不正确")
  .refine((v) => !URL.canParse(v) || ["http:", "https:"].includes(new URL(v).protocol), "只支持 http 或 https 地址")
  .refine((v) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), "地址中不能包含用户名或密码");

const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, "请至少选择一种事件")
  .max(WEBHOOK_EVENTS.length)
  .refine((list) => new Set(list).size === list.length, "事件不能重复");

/**
 * POST /api/v1/webhooks. `secret` is optional: without one the server makes a random one;
 * a DingTalk robot with 加签 needs its own SEC… secret given here.
 */
export const createWebhookSchema = z.strictObject({
  unitCode: unitCodeSchema,
  name: z.string().trim().min(1, "请填写名称").max(100),
  url: webhookUrlSchema,
  format: z.enum(WEBHOOK_FORMATS),
  events: eventsSchema,
  secret: z.string().trim().min(16, "密钥至少 16 个字符").max(200).optional(),
});
export type CreateWebhook = z.infer<typeof createWebhookSchema>;

/** PATCH /api/v1/webhooks/:id: any of these; the secret stays as it is. */
export const updateWebhookSchema = z
  .strictObject({
    unitCode: unitCodeSchema,
    name: z.string().trim().min(1, "请填写名称").max(100),
    url: webhookUrlSchema,
    format: z.enum(WEBHOOK_FORMATS),
    events: eventsSchema,
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "请至少修改一项", path: ["name"] });
export type UpdateWebhook = z.infer<typeof updateWebhookSchema>;

export const listWebhooksQuerySchema = z.object({ unit: unitCodeSchema.optional() });

/** GET /api/v1/webhooks/:id/deliveries: newest first, `beforeId` pages back. */
export const webhookDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional(),
});
