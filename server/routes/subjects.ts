import { Hono } from "hono";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { subjectAnonymiseSchema, subjectExportSchema, subjectQuerySchema } from "../contracts/subjects";
import { notFound } from "../errors";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { jsonBody, queryParams } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { anonymiseSubject } from "../services/privacy/subject-anonymise";
import { exportSubject } from "../services/privacy/subject-export";
import { findSubject, type SubjectRequest } from "../services/privacy/subject-find";
import { subjectReport } from "../services/privacy/subject-report";
import { getUnit } from "../services/units/units";
import { attachment } from "../lib/content-disposition";

/** The request inside the caller's scope: a named unit must exist (404) and lie in it (403). */
async function subjectRequest(
  c: Context<AppEnv>,
  input: { deviceId?: string; household?: string; unit?: string },
): Promise<SubjectRequest> {
  if (input.unit) {
    if (!(await getUnit(c.var.services.db, input.unit))) throw notFound("单位");
    await assertInScope(c, input.unit);
  }
  return { scope: currentUser(c).scope, deviceId: input.deviceId, household: input.household, unit: input.unit };
}

/**
 * Data subject requests (个人信息主体请求, issue 19): find, export and anonymise everything linked
 * to a device id or a household label, inside the admin's scope. Admin only.
 */
export const subjectRoutes = new Hono<AppEnv>()
  .use(requireRole("admin"))
  .get(
    "/",
    describe(
      "Admin",
      "Everything linked to a device id or a household label in the admin's scope",
      { 200: "Counts and the first items of each kind", ...REFUSALS.signedIn, ...REFUSALS.query, ...REFUSALS.notFound },
      "Exactly one of `deviceId` (responses, visits, heartbeats, remembered sign-ins) or `household` (visits with this exact label and the responses they produced); `unit` narrows to one subtree. Client addresses are stored only as keyed hashes and cannot be found from either.",
    ),
    queryParams(subjectQuerySchema),
    async (c) => {
      const request = await subjectRequest(c, c.req.valid("query"));
      const found = await findSubject(c.var.services.db, c.var.services.secret, request);
      return c.json(subjectReport(found, { full: false }), 200);
    },
  )
  .post(
    "/export",
    describe("Admin", "Export everything linked to a device id or a household label (audited, with a reason)", {
      200: { description: "The file: JSON, or XLSX with one sheet per kind", media: "application/octet-stream" },
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    jsonBody(subjectExportSchema),
    async (c) => {
      const body = c.req.valid("json");
      const request = await subjectRequest(c, body);
      const { db, secret, clock } = c.var.services;
      const out = await exportSubject(
        db,
        secret,
        request,
        { actor: currentUser(c).username, reason: body.reason, format: body.format },
        clock.now(),
      );
      c.header("Content-Type", out.contentType);
      c.header("Content-Disposition", attachment(out.fileName));
      c.header("Cache-Control", "private, no-store");
      return c.body(out.body, 200);
    },
  )
  .post(
    "/anonymise",
    describe("Admin", "Anonymise everything linked to a device id or a household label (one audited transaction; figures unchanged)", {
      200: "What was anonymised, per kind",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    jsonBody(subjectAnonymiseSchema),
    async (c) => {
      const body = c.req.valid("json");
      const request = await subjectRequest(c, body);
      const { db, secret, clock } = c.var.services;
      const result = await anonymiseSubject(db, secret, request, { actor: currentUser(c).username, reason: body.reason }, clock.now());
      return c.json(result, 200);
    },
  );
