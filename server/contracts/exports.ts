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
    /**
     * Issue 19: free text is masked (phone and identity numbers) unless `unmasked=1` is asked for
     * by a holder of the personal-data permission, with `reason` (why the data is needed); such
     * an export is audited with who, the filters and the reason.
     */
    unmasked: z
      .enum(["0", "1", "true", "false"])
      .optional()
      .transform((v) => v === "1" || v === "true"),
    reason: z.string().max(500, "用途最多 500 字").optional(),
  })
  .refine(fromNotAfterTo, fromAfterTo);

export type ResponsesExportQuery = z.output<typeof responsesExportQuerySchema>;

/** Headers of an export answer, read by the page's progress indicator. */
export const EXPORT_ROWS_HEADER = "X-Export-Rows";
export const EXPORT_GENERATED_AT_HEADER = "X-Export-Generated-At";
