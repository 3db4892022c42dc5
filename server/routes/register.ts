import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { fieldProgressQuerySchema } from "../contracts/field";
import { attemptLimitQuerySchema, attemptLimitUpdateSchema, registerAssignSchema, registerQuerySchema } from "../contracts/register";
import { ApiError, notFound } from "../errors";
import { limitBody } from "../middleware/body-limit";
import { jsonBody, queryParams } from "../middleware/validate";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { describe, REFUSALS } from "../openapi/describe";
import { ImportFileError } from "../services/units/unit-import-file";
import { getUnit } from "../services/units/units";
import { attemptLimitAt, updateAttemptLimit } from "../services/register/attempt-limit";
import { registerCoverage } from "../services/register/register-coverage";
import { assignEntries, listRegister } from "../services/register/register-entries";
import { readRegisterFile } from "../services/register/register-import-file";
import { importRegister, planRegisterImport, type RegisterPlan } from "../services/register/register-import";

/** Where the register import lives under /api/v1; api.ts exempts it from the 64 KiB body limit. */
export const REGISTER_IMPORT_PATH = "/register/import";
/** 200,000 doors are ~10 MB of CSV; the same bound as the hierarchy import. */
const MAX_REGISTER_BYTES = 32 * 1024 * 1024;
const PREVIEW_ROWS = 500;

/** The unit named (default: the caller's scope), checked to exist (404) and to lie in scope (403). */
async function scopedUnit(c: Context<AppEnv>, code: string | undefined) {
  const unit = await getUnit(c.var.services.db, code ?? currentUser(c).scope);
  if (!unit) throw notFound("单位");
  await assertInScope(c, unit.code);
  return { code: unit.code, name: unit.name, kind: unit.kind };
}

async function readBody(buffer: ArrayBuffer) {
  if (buffer.byteLength === 0) throw new ApiError(400, "empty_file", "请上传 CSV 或 XLSX 文件作为请求体");
  try {
    return await readRegisterFile(new Uint8Array(buffer));
  } catch (error) {
    if (error instanceof ImportFileError) throw new ApiError(422, "unreadable_file", error.message);
    throw error;
  }
}

const counts = (plan: RegisterPlan) => ({
  rows: plan.rows,
  added: plan.adds.length,
  changed: plan.changes.length,
  unchanged: plan.unchanged,
});

const importRoutes = new Hono<AppEnv>()
  .use(limitBody(MAX_REGISTER_BYTES))
  .post(
    "/preview",
    describe("Field", "Check a household/shop register file (CSV or XLSX as the raw body) and list what would change", {
      200: "The plan",
      ...REFUSALS.signedIn,
      400: "Empty body (empty_file)",
      413: "File too large",
      422: "Unreadable file (unreadable_file)",
    }),
    requireRole("admin", "office"),
    async (c) => {
      const rows = await readBody(await c.req.arrayBuffer());
      const plan = await planRegisterImport(c.var.services.db, rows, currentUser(c).scope);
      return c.json(
        { ...counts(plan), adds: plan.adds.slice(0, PREVIEW_ROWS), changes: plan.changes.slice(0, PREVIEW_ROWS), errors: plan.errors },
        200,
      );
    },
  )
  .post(
    "/",
    describe("Field", "Import a household/shop register file: all rows or none, idempotent", {
      200: "Counts of added, changed, unchanged",
      ...REFUSALS.signedIn,
      400: "Empty body (empty_file)",
      413: "File too large",
      422: "Unreadable or invalid rows (unreadable_file, import_invalid with issues)",
    }),
    requireRole("admin", "office"),
    async (c) => {
      const rows = await readBody(await c.req.arrayBuffer());
      const { db, clock } = c.var.services;
      const user = currentUser(c);
      const plan = await importRegister(db, rows, user.scope, user.username, clock.now());
      if (plan.errors.length > 0) {
        throw new ApiError(
          422,
          "import_invalid",
          `导入文件有 ${plan.errors.length} 行错误，未写入任何数据`,
          plan.errors.map((e) => ({ path: `line ${e.line}`, message: `${e.reason}: ${e.message}` })),
        );
      }
      return c.json(counts(plan), 200);
    },
  );

/**
 * The household and shop register (issue 16): doors per community, imported by offices, found in
 * the field by interviewers (with a visit, POST /visits), assigned by supervisors; coverage and
 * AAPOR rates for the field-progress page; the attempt limit after which 不在家 is final.
 */
export const registerRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describe("Field", "One community's doors with attempts and dispositions (the tablet's offline copy)", {
      200: "The doors and the attempt limit",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office", "interviewer"),
    queryParams(registerQuerySchema),
    async (c) => {
      const unit = await scopedUnit(c, c.req.valid("query").unit);
      return c.json(await listRegister(c.var.services.db, unit.code), 200);
    },
  )
  .get(
    "/coverage",
    describe("Field", "Register coverage (入户宣传, 沿街商铺宣传) and AAPOR RR1, COOP1, REF1 per community", {
      200: "Totals and rows",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(fieldProgressQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query.unit);
      const range = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
      return c.json({ unit, ...(await registerCoverage(c.var.services.db, unit.code, range)) }, 200);
    },
  )
  .put(
    "/assignments",
    describe("Field", "Assign doors of a community to an interviewer (null: unassign); audited", {
      200: "How many doors changed",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    jsonBody(registerAssignSchema),
    async (c) => {
      const body = c.req.valid("json");
      const unit = await scopedUnit(c, body.unit);
      const { db, clock } = c.var.services;
      return c.json(await assignEntries(db, { ...body, unit: unit.code }, currentUser(c), clock.now()), 200);
    },
  )
  .get(
    "/attempt-limit",
    describe("Field", "The attempt limit in force at a unit (nearest setting up the tree)", {
      200: "The limit",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(attemptLimitQuerySchema),
    async (c) => {
      const unit = await scopedUnit(c, c.req.valid("query").unit);
      return c.json({ unit: unit.code, ...(await attemptLimitAt(c.var.services.db, unit.code)) }, 200);
    },
  )
  .put(
    "/attempt-limit",
    describe("Field", "Set the attempt limit for a unit's subtree; audited", {
      200: "The limit now in force",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    jsonBody(attemptLimitUpdateSchema),
    async (c) => {
      const body = c.req.valid("json");
      const unit = await scopedUnit(c, body.unit);
      const { db, clock } = c.var.services;
      return c.json({ unit: unit.code, ...(await updateAttemptLimit(db, unit.code, body.limit, currentUser(c), clock.now())) }, 200);
    },
  )
  .route("/import", importRoutes);
