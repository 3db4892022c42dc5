import { z } from "zod";
import { CHANNELS } from "./rates";
import { unitCodeSchema } from "./units";

/** A calendar day; checked to be a real date, as the rates filters are. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "日期无效");

export const EXPORT_FORMATS = ["xlsx", "csv", "sps"] as const;

/**
 * Query of GET /api/v1/exports/responses: the dashboard's filters on one questionnaire, the file
 * format, and `labels=codes` for the stored choice codes instead of the Chinese labels. The
 * `.sps` of a CSV passes that CSV's `generatedAt` (its X-Export-Generated-At header), so the
 * syntax names the very file it loads.
 */
export const responsesExportQuerySchema = z
  .object({
    unit: unitCodeSchema,
    survey: z.string().regex(/^[a-z0-9_-]{1,64}$/, "问卷编号无效"),
    channel: z.enum(CHANNELS).optional(),
    from: day.optional(),
    to: day.optional(),
    includeFlagged: z
      .enum(["0", "1", "true", "false"])
      .optional()
      .transform((v) => v === "1" || v === "true"),
    format: z.enum(EXPORT_FORMATS).default("xlsx"),
    labels: z.enum(["text", "codes"]).default("text"),
    generatedAt: z.iso.datetime({ message: "生成时间无效" }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "起始日期晚于结束日期", path: ["from"] });

export type ResponsesExportQuery = z.output<typeof responsesExportQuerySchema>;

/** Headers of an export answer, read by the page's progress indicator. */
export const EXPORT_ROWS_HEADER = "X-Export-Rows";
export const EXPORT_GENERATED_AT_HEADER = "X-Export-Generated-At";
