import { z } from "zod";

/** 12-digit 统计用区划代码 for admin units; any [0-9A-Za-z_-]{1,32} for schools. */
export const unitCodeSchema = z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, "单位代码格式不正确");

/** GET /api/v1/units?q=…[&under=CODE]: units whose name contains q or whose code starts with it. */
export const unitSearchQuerySchema = z.object({
  q: z.string().trim().max(40).default(""),
  under: unitCodeSchema.optional(),
});
