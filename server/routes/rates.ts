import { Hono, type Context } from "hono";
import { etag } from "hono/etag";
import type { AppEnv } from "../app-env";
import { rankingQuerySchema, ratesQuerySchema, type RatesQuery } from "../contracts/rates";
import { crosstabQuerySchema, distributionsQuerySchema } from "../contracts/distributions";
import { computeCrosstab } from "../services/distributions/crosstab";
import { computeDistributions } from "../services/distributions/distributions";
import { notFound } from "../errors";
import { assertInScope, requireRole } from "../middleware/require-role";
import { queryParams } from "../middleware/validate";
import { rateSettingsAt } from "../services/rates/rate-settings";
import { computeRates, populationSizeFor, unitAndChildMetrics } from "../services/rates/rates";
import { rankChildren } from "../services/rates/ranking";
import { audienceTargets, plannedTargets, planFor } from "../services/rates/rates-plan";
import { weeklyTrend } from "../services/rates/rates-trend";
import { versionBoundaries } from "../services/rates/version-boundaries";
import { getChildren, getUnit } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";

/** The unit of the query, if it exists and lies in the caller's scope (else 404 / 403). */
async function scopedUnit(c: Context<AppEnv>, code: string) {
  const unit = await getUnit(c.var.services.db, code);
  if (!unit) throw notFound("单位");
  await assertInScope(c, unit.code);
  return unit;
}

const filterOf = (q: RatesQuery) => ({
  audience: q.audience,
  channel: q.channel,
  from: q.from,
  to: q.to,
  includeFlagged: q.includeFlagged,
});

/**
 * Dashboard reads. Every answer is a sum of rollups (never a scan of raw responses) and carries
 * an ETag, so a dashboard that polls every few seconds gets 304s until a response lands.
 */
export const rateRoutes = new Hono<AppEnv>()
  .use(requireRole("admin", "office"))
  .use(etag())
  .use(async (c, next) => {
    await next();
    // Always revalidate: the numbers change as responses arrive.
    c.header("Cache-Control", "private, no-cache");
  })
  .get(
    "/",
    describe("Rates", "Satisfaction rates of a unit and its children", {
      200: "The rates",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    queryParams(ratesQuerySchema),
    async (c) => {
      const q = c.req.valid("query");
      const { db, registry } = c.var.services;
      const unit = await scopedUnit(c, q.unit);
      return c.json(await computeRates(db, registry, unit, filterOf(q)), 200);
    },
  )
  .get(
    "/trend",
    describe("Rates", "Weekly trend of a unit's rates", {
      200: "The weeks",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    queryParams(ratesQuerySchema),
    async (c) => {
      const q = c.req.valid("query");
      const { db } = c.var.services;
      const unit = await scopedUnit(c, q.unit);
      const settings = await rateSettingsAt(db, unit.code);
      const size = populationSizeFor(unit, q.audience);
      const { weeks, truncated } = await weeklyTrend(db, unit.code, filterOf(q), settings, size);
      // Where the trend crosses a published version (issue 17), so the chart can mark it.
      const boundaries = await versionBoundaries(db, c.var.services.registry, q.audience);
      return c.json(
        {
          unit: { code: unit.code, name: unit.name, kind: unit.kind },
          threshold: settings.threshold,
          weeks,
          truncated,
          versionBoundaries: boundaries,
        },
        200,
      );
    },
  )
  .get(
    "/plan",
    describe("Rates", "Sample plan: responses still needed per unit", {
      200: "The plan",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    queryParams(ratesQuerySchema),
    async (c) => {
      const q = c.req.valid("query");
      const { db } = c.var.services;
      const unit = await scopedUnit(c, q.unit);
      const [tree, children] = await Promise.all([unitAndChildMetrics(db, unit, filterOf(q)), getChildren(db, unit.code)]);
      const { settings } = tree;
      const [targets, forAudience] = await Promise.all([
        plannedTargets(db, [unit, ...children]),
        audienceTargets(db, [unit, ...children], q.audience),
      ]);
      const audienceOf = (code: string) => ({ name: q.audience, target: forAudience.get(code) ?? null });
      const ref = { code: unit.code, name: unit.name, kind: unit.kind };
      return c.json(
        {
          minRespondents: settings.minRespondents,
          threshold: settings.threshold,
          ...planFor(ref, targets.get(unit.code) ?? null, tree.metrics, settings, audienceOf(unit.code)),
          // Each child is planned against its own settings, which it carries (added fields).
          children: tree.children.map((ch) => ({
            ...planFor(ch.unit, targets.get(ch.unit.code) ?? null, ch.metrics, ch, audienceOf(ch.unit.code)),
            threshold: ch.threshold,
            minRespondents: ch.minRespondents,
          })),
        },
        200,
      );
    },
  )
  .get(
    "/ranking",
    describe("Rates", "Ranking of a unit's children of one kind, with rank intervals (§7)", {
      200: "The ranking",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    queryParams(rankingQuerySchema),
    async (c) => {
      const q = c.req.valid("query");
      const { db } = c.var.services;
      const unit = await scopedUnit(c, q.unit);
      const tree = await unitAndChildMetrics(db, unit, filterOf(q));
      const ref = { code: unit.code, name: unit.name, kind: unit.kind };
      return c.json(rankChildren(ref, q.metric, tree.settings.threshold[q.metric], tree.children, q.kind, q.audience), 200);
    },
  )
  .get(
    "/distributions",
    describe("Rates", "Answer distributions of every closed and numeric question (issue 14)", {
      200: "Per survey, per question: counts and shares per choice, numeric summaries",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    queryParams(distributionsQuerySchema),
    async (c) => {
      const q = c.req.valid("query");
      const { db, registry } = c.var.services;
      const unit = await scopedUnit(c, q.unit);
      return c.json(await computeDistributions(db, registry, unit, filterOf(q)), 200);
    },
  )
  .get(
    "/crosstab",
    describe("Rates", "A metric question's rate per answer of a profile question, with Wilson intervals", {
      200: "The columns",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    queryParams(crosstabQuerySchema),
    async (c) => {
      const q = c.req.valid("query");
      const { db, registry } = c.var.services;
      const unit = await scopedUnit(c, q.unit);
      return c.json(await computeCrosstab(db, registry, unit, { ...filterOf(q), audience: q.audience }, q.question, q.by), 200);
    },
  );
