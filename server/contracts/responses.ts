import { z } from "zod";
import { hasLoneSurrogate, normalizeDeviceId } from "../lib/device-id";
import { paradataSchema } from "./paradata";
import { surveyIdSchema } from "./posters";
import { unitCodeSchema } from "./units";

/**
 * An ISO 8601 instant with an offset. Its year has four digits (zod's format), but that still
 * allows year 0000 and offsets that push it past 9999: whether the time is believable is the
 * server's call (server/services/ingest/response-clock.ts), not the shape's.
 */
const instant = z.iso.datetime({ offset: true, message: "时间格式应为 ISO 8601" });

/**
 * The answers as the client sent them: a JSON object keyed by question name. Checked here but
 * passed on as parsed, not rebuilt: `z.record` copies into a new object and drops a `__proto__`
 * key, which would then slip past the validator's refusal of unknown keys (issue 11, hole 10).
 * JSON.parse keeps `__proto__` as an own property, and the validator reads own keys only.
 */
const answersSchema = z
  .custom<Record<string, unknown>>((v) => v !== null && typeof v === "object" && !Array.isArray(v), { message: "answers 必须是对象" })
  .superRefine((answers, ctx) => {
    for (const key of Object.keys(answers)) {
      if (key.length === 0 || key.length > 200) ctx.addIssue({ code: "custom", path: [key], message: "问题名称长度应为 1–200" });
    }
  });

/**
 * A device id, refused when it has a lone surrogate or nothing left once normalised; the server
 * stores and compares its normalised form (server/lib/device-id.ts). The shape keeps the id as
 * sent (trimmed), because content hashes of responses stored before normalisation used that form.
 */
const deviceIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .refine((s) => !hasLoneSurrogate(s), "设备编号含有无效字符")
  .refine((s) => {
    const n = normalizeDeviceId(s);
    return n.length > 0 && n.length <= 128;
  }, "设备编号无效（去掉不可见字符后为空或过长）");

/**
 * POST /api/v1/responses (docs/design.md §4). The envelope is checked here; the answers themselves
 * are checked against the survey version by the validator.
 */
export const submitResponseSchema = z
  .object({
    id: z.uuid({ message: "id 必须是 UUID" }),
    surveyId: surveyIdSchema,
    surveyVersion: z.number().int().positive(),
    channel: z.enum(["qr", "interview"]),
    answers: answersSchema,
    startedAt: instant,
    completedAt: instant,
    deviceId: deviceIdSchema,
    token: z.string().max(200).optional(),
    unitCode: unitCodeSchema.optional(),
    /** How an interview was given (contracts/paradata.ts); interviews only, stored beside the response. */
    paradata: paradataSchema.optional(),
  })
  .refine((b) => b.channel === "interview" || b.paradata === undefined, {
    message: "只有入户访问可以带 paradata",
    path: ["paradata"],
  });

export type SubmitResponse = z.infer<typeof submitResponseSchema>;
