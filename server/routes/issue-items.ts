import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { issueCreateSchema, issueListQuerySchema, issueSummaryQuerySchema, issueUpdateSchema } from "../contracts/issue-list";
import { notFound } from "../errors";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { jsonBody, queryParams } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { createIssue, getIssue, issueSummary, listIssues, updateIssue } from "../services/issue-list/issue-items";
import { mayReveal } from "../services/privacy/access";
import { getUnit } from "../services/units/units";

/** The query's unit (default: the caller's scope), checked to exist (404) and lie in scope (403). */
async function scopedUnit(c: Context<AppEnv>, code: string | undefined): Promise<string> {
  const unit = code ?? currentUser(c).scope;
  if (!(await getUnit(c.var.services.db, unit))) throw notFound("单位");
  await assertInScope(c, unit);
  return unit;
}

/** The path's item id; anything but a positive integer is an item that does not exist. */
function itemId(c: Context<AppEnv>): number {
  const raw = c.req.param("id") ?? "";
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw notFound("问题清单条目");
  return Number(raw);
}

/**
 * 问题清单 (issue 14): problems handed to units and followed up (督办). Offices and admins make
 * them for units in their scope; whoever's scope holds an item's unit (the office that made it,
 * the unit's own users) sees and updates it. Every change is audited (issues.create / issues.update).
 */
export const issueItemRoutes = new Hono<AppEnv>()
  .get(
    "/summary",
    describe("Issue list", "问题清单 counts by status for a unit and each of its children (dashboard, 通报)", {
      200: "The counts",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(issueSummaryQuerySchema),
    async (c) => {
      const unit = await scopedUnit(c, c.req.valid("query").unit);
      return c.json(await issueSummary(c.var.services.db, unit), 200);
    },
  )
  .get(
    "/",
    describe("Issue list", "问题清单 items assigned inside a unit's subtree, newest first, paged", {
      200: "A page of items and the cursor of the next (null at the end)",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(issueListQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query.unit);
      return c.json(await listIssues(c.var.services.db, { ...query, unit }, { reveal: mayReveal(currentUser(c)) }), 200);
    },
  )
  .post(
    "/",
    describe("Issue list", "Make a 问题清单 item for a unit in scope, from a comment or from nothing", {
      201: "The item",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      422: "Body does not fit the schema (invalid_request), unknown unit (unknown_unit) or comment (unknown_comment)",
    }),
    requireRole("admin", "office"),
    jsonBody(issueCreateSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      return c.json(await createIssue(db, c.req.valid("json"), currentUser(c), clock.now()), 201);
    },
  )
  .get(
    "/:id",
    describe("Issue list", "One 问题清单 item with its notes", { 200: "The item", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
    requireRole("admin", "office"),
    async (c) => c.json(await getIssue(c.var.services.db, itemId(c), currentUser(c)), 200),
  )
  .patch(
    "/:id",
    describe("Issue list", "Change a 问题清单 item's status, due date, assignee or text, or add a note", {
      200: "The item, after the change",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
      422: "Body does not fit the schema (invalid_request), a status move not allowed (invalid_transition), unknown unit (unknown_unit), nothing to change (no_change)",
    }),
    requireRole("admin", "office"),
    jsonBody(issueUpdateSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      return c.json(await updateIssue(db, itemId(c), c.req.valid("json"), currentUser(c), clock.now()), 200);
    },
  );
