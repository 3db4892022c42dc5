import { z } from "zod";
import { calendarDaySchema } from "./calendar-day";
import { surveyIdSchema } from "./posters";
import { newDoorSchema } from "./register";
import { unitCodeSchema } from "./units";

const instant = z.iso.datetime({ offset: true, message: "时间格式应为 ISO 8601" });
const day = calendarDaySchema;

/** New outcomes go at the end: stored visits and tablets' queues keep the older ones as they are. */
export const VISIT_OUTCOMES = ["completed", "refused", "not_home", "vacant", "not_eligible"] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/**
 * POST /api/v1/visits: one knock on a door, idempotent by the client's `id` like responses.
 * A 完成 visit points at the response it produced; every other outcome has none.
 */
export const submitVisitSchema = z
  .object({
    id: z.uuid({ message: "id 必须是 UUID" }),
    unitCode: unitCodeSchema,
    surveyId: surveyIdSchema,
    household: z.string().trim().min(1, "请填写户号或地址").max(200),
    outcome: z.enum(VISIT_OUTCOMES),
    responseId: z.uuid({ message: "responseId 必须是 UUID" }).nullish(),
    visitedAt: instant,
    deviceId: z.string().trim().min(1).max(128),
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 60 * 60 * 1000)
      .nullish(),
    latitude: z.number().min(-90).max(90).nullish(),
    longitude: z.number().min(-180).max(180).nullish(),
    accuracyM: z.number().min(0).max(1_000_000).nullish(),
    /** The register door knocked on (issue 16); for a door found in the field, the tablet's id for it. */
    registerEntryId: z.uuid({ message: "registerEntryId 必须是 UUID" }).nullish(),
    /** A door found in the field, created under `registerEntryId` with this visit. */
    newDoor: newDoorSchema.nullish(),
  })
  .refine((v) => !v.newDoor || !!v.registerEntryId, { message: "新发现的门户必须带有 registerEntryId", path: ["registerEntryId"] })
  .refine((v) => (v.outcome === "completed") === !!v.responseId, {
    message: "完成的入户记录必须带有答卷编号 (responseId)，其他结果不能带",
    path: ["responseId"],
  })
  .refine((v) => (v.latitude == null) === (v.longitude == null), {
    message: "经纬度必须同时提供",
    path: ["longitude"],
  });
export type SubmitVisit = z.infer<typeof submitVisitSchema>;

/** POST /api/v1/devices/heartbeat: what a tablet still holds, so unsent work shows before a deadline. */
export const heartbeatSchema = z.object({
  deviceId: z.string().trim().min(1).max(128),
  pending: z.number().int().min(0).max(1_000_000),
  needsAttention: z.number().int().min(0).max(1_000_000),
  appVersion: z.string().max(64).nullish(),
  lastSyncAt: instant.nullish(),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** Query of the field-progress endpoints: a unit (default: the caller's scope) and optional days. */
export const fieldProgressQuerySchema = z
  .object({ unit: unitCodeSchema.optional(), from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from 不能晚于 to", path: ["from"] });
export type FieldProgressQuery = z.infer<typeof fieldProgressQuerySchema>;

/**
 * POST /api/v1/devices/discards: the tablet tells the server that its interviewer discarded a
 * 需处理 item (one the server refused) and why, so the discard is in the audit log; idempotent
 * by `clientId` (a resend after a lost reply records nothing new).
 */
export const discardReportSchema = z.object({
  clientId: z.uuid({ message: "clientId 必须是 UUID" }),
  kind: z.enum(["visit", "interview"]),
  deviceId: z.string().trim().min(1).max(128),
  reason: z.string().trim().min(2, "请写明放弃的原因").max(500),
  summary: z.object({
    unitCode: unitCodeSchema,
    surveyId: surveyIdSchema,
    household: z.string().max(200),
    outcome: z.enum(VISIT_OUTCOMES),
    visitedAt: instant,
    responseId: z.uuid().nullish(),
    /** What the server answered when it refused the item. */
    refusal: z.object({ status: z.number().int().min(100).max(599), code: z.string().max(100) }).nullish(),
  }),
});
export type DiscardReport = z.infer<typeof discardReportSchema>;
