import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { limitBody } from "../middleware/body-limit";
import { currentUser, requireRole } from "../middleware/require-role";
import { ImportFileError, readImportFile } from "../services/units/unit-import-file";
import { planImport, type ImportPlan } from "../services/units/unit-import";
import { importUnits } from "../services/units/unit-import-apply";
import { describe, REFUSALS } from "../openapi/describe";

/** Where the import lives under /api/v1; app.ts exempts it from the 64 KiB body limit. */
export const UNIT_IMPORT_PATH = "/units/import";
/** 50,000 units are ~3 MB of CSV; this leaves room for XLSX and longer names. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** How many adds and changes a preview lists (the counts are always complete). */
const PREVIEW_ROWS = 500;

const importLimit = limitBody(MAX_IMPORT_BYTES);

function summary(plan: ImportPlan) {
  return {
    rows: plan.rows,
    added: plan.adds.length,
    changed: plan.changes.length,
    unchanged: plan.unchanged,
    adds: plan.adds.slice(0, PREVIEW_ROWS),
    changes: plan.changes.slice(0, PREVIEW_ROWS),
    errors: plan.errors,
  };
}

/**
 * The area hierarchy from a CSV or XLSX file sent as the raw request body: `preview` checks and
 * lists what would change; the import itself writes all of it or nothing. Both hold the file to
 * the importer's scope: every unit it names must stand inside the scope now and after.
 */
export const unitImportRoutes = new Hono<AppEnv>()
  .use(importLimit)
  .post(
    "/preview",
    describe("Units", "Check a hierarchy file (CSV or XLSX as the raw body) and list what would change", {
      200: "The plan",
      ...REFUSALS.signedIn,
      400: "Empty body (empty_file)",
      413: "File too large",
      422: "Unreadable file (unreadable_file)",
    }),
    requireRole("admin"),
    async (c) => {
      const rows = await readBody(await c.req.arrayBuffer());
      const plan = await planImport(c.var.services.db, rows, currentUser(c).scope);
      return c.json(summary(plan), 200);
    },
  )
  .post(
    "/",
    describe("Units", "Import a hierarchy file (CSV or XLSX as the raw body): all rows or none", {
      200: "Counts of added, changed, unchanged",
      ...REFUSALS.signedIn,
      400: "Empty body (empty_file)",
      413: "File too large",
      422: "Unreadable or invalid rows (unreadable_file, import_invalid with issues)",
    }),
    requireRole("admin"),
    async (c) => {
      const rows = await readBody(await c.req.arrayBuffer());
      const { db, registry, clock } = c.var.services;
      const user = currentUser(c);
      const plan = await importUnits(db, registry, rows, user.scope, user.username, clock.now());
      if (plan.errors.length > 0) {
        throw new ApiError(
          422,
          "import_invalid",
          `导入文件有 ${plan.errors.length} 行错误，未写入任何数据`,
          plan.errors.map((e) => ({ path: `line ${e.line}`, message: `${e.code}: ${e.message} (${e.reason})` })),
        );
      }
      return c.json({ rows: plan.rows, added: plan.adds.length, changed: plan.changes.length, unchanged: plan.unchanged }, 200);
    },
  );

async function readBody(buffer: ArrayBuffer) {
  if (buffer.byteLength === 0) throw new ApiError(400, "empty_file", "请上传 CSV 或 XLSX 文件作为请求体");
  try {
    return await readImportFile(new Uint8Array(buffer));
  } catch (error) {
    if (error instanceof ImportFileError) throw new ApiError(422, "unreadable_file", error.message);
    throw error;
  }
}
