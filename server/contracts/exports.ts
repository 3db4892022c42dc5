import { z } from "zod";
import { fromAfterTo, fromNotAfterTo, ratesQueryShape } from "./rates";

export const EXPORT_FORMATS = ["xlsx", "csv", "sps"] as const;

/**
 * Query of GET /api/v1/exports/responses: the dashboard's filters on one questionnaire, the file
 * format, and `labels=codes` for the stored choice codes instead of the Chinese labels. The
 * `.sps` of a CSV passes that CSV's `generatedAt` (its X-Export-Generated-At header), so the
 * syntax names the very file it loads.
 */
export const responsesExportQuerySchema = ratesQueryShape
  .omit({ audience: true })
  .extend({
    survey: z.string().regex(/^[a-z0-9_-]{1,64}$/, "问卷编号无效"),
    format: z.enum(EXPORT_FORMATS).default("xlsx"),
    labels: z.enum(["text", "codes"]).default("text"),
    generatedAt: z.iso.datetime({ message: "生成时间无效" }).optional(),
  })
  .refine(fromNotAfterTo, fromAfterTo);

export type ResponsesExportQuery = z.output<typeof responsesExportQuerySchema>;

/** Headers of an export answer, read by the page's progress indicator. */
export const EXPORT_ROWS_HEADER = "X-Export-Rows";
export const EXPORT_GENERATED_AT_HEADER = "X-Export-Generated-At";
