import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { commentsQuerySchema } from "../contracts/issue-list";
import { notFound } from "../errors";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { queryParams } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { searchComments } from "../services/comments/comment-search";
import { mayReveal } from "../services/privacy/access";
import { getUnit } from "../services/units/units";

/** 意见建议 (issue 14): every open-text answer in the caller's subtree, for offices and admins. */
export const commentRoutes = new Hono<AppEnv>().get(
  "/",
  describe("Comments", "Open-text answers (意见建议) in a unit's subtree, newest first, searchable and paged", {
    200: "A page of comments and the cursor of the next (null at the end); phone and identity numbers in the text are masked (`masked: true`) unless the caller holds the personal-data permission",
    ...REFUSALS.signedIn,
    ...REFUSALS.query,
    ...REFUSALS.notFound,
  }),
  requireRole("admin", "office"),
  queryParams(commentsQuerySchema),
  async (c) => {
    const { db, registry } = c.var.services;
    const query = c.req.valid("query");
    const code = query.unit ?? currentUser(c).scope;
    if (!(await getUnit(db, code))) throw notFound("单位");
    await assertInScope(c, code);
    return c.json(await searchComments(db, registry, { ...query, unit: code }, { reveal: mayReveal(currentUser(c)) }), 200);
  },
);
