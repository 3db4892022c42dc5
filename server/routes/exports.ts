import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { EXPORT_GENERATED_AT_HEADER, EXPORT_ROWS_HEADER, responsesExportQuerySchema } from "../contracts/exports";
import { notFound } from "../errors";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { queryParams } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { prepareAnswerExport } from "../services/exports/answer-export";
import { unmaskedExportAllowed } from "../services/privacy/access";
import { getUnit } from "../services/units/units";
import { attachment } from "../lib/content-disposition";

/**
 * Answer-level exports, for the statisticians behind the monthly 通报. Same roles and scope as
 * GET /rates (admin or office whose scope contains the unit). The body streams: the first bytes
 * leave before the last response is read, and memory holds one page of rows.
 */
export const exportRoutes = new Hono<AppEnv>().use(requireRole("admin", "office")).get(
  "/responses",
  describe(
    "Exports",
    "Every response of a unit's subtree, one row each, as XLSX, CSV or the SPSS syntax for the CSV",
    {
      200: {
        description: "The file (XLSX, CSV with BOM and CRLF, or SPSS syntax); X-Export-Rows says how many responses it holds",
        media: "application/octet-stream",
      },
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
      403: "Outside the caller's scope, or `unmasked=1` without the personal-data permission (personal_data_required)",
    },
    "Filters as GET /rates (unit subtree, channel, from/to on the Asia/Shanghai day of completedAt, includeFlagged) on one questionnaire (`survey`). `labels=codes` writes stored choice codes instead of Chinese labels. The file names unit, filters, thresholds and generation time inside it and in its name (Content-Disposition). Free-text answers are masked (phone numbers as 138****8000, identity numbers keep their first 6 and last 4 digits) unless `unmasked=1` and a `reason` are given by a holder of the personal-data permission (403 personal_data_required without it, 422 reason_required without a reason); such an export is written to the audit log (exports.unmasked) with who, the filters, the row count and the reason.",
  ),
  queryParams(responsesExportQuerySchema),
  async (c) => {
    const q = c.req.valid("query");
    const { db, clock } = c.var.services;
    const unit = await getUnit(db, q.unit);
    if (!unit) throw notFound("单位");
    await assertInScope(c, unit.code);
    // Only the syntax takes a given time: it describes, and names, the CSV made at that time.
    const generatedAt = q.format === "sps" && q.generatedAt ? new Date(q.generatedAt) : clock.now();
    const access = unmaskedExportAllowed(currentUser(c), q);
    const out = await prepareAnswerExport(db, unit, {
      survey: q.survey,
      channel: q.channel,
      from: q.from,
      to: q.to,
      includeFlagged: q.includeFlagged,
      format: q.format,
      labels: q.labels,
      generatedAt,
      generatedBy: currentUser(c).username,
      ...(access.reveal ? { unmasked: { reason: access.reason } } : {}),
    });
    c.header("Content-Type", out.contentType);
    c.header("Content-Disposition", attachment(out.fileName));
    c.header("Cache-Control", "private, no-store");
    c.header(EXPORT_GENERATED_AT_HEADER, generatedAt.toISOString());
    if (out.rows !== null) c.header(EXPORT_ROWS_HEADER, String(out.rows));
    c.header("Access-Control-Expose-Headers", `${EXPORT_ROWS_HEADER}, ${EXPORT_GENERATED_AT_HEADER}, Content-Disposition`);
    return c.body(out.body, 200);
  },
);
