import { asc, eq } from "drizzle-orm";
import type { SurveyFile } from "../../../surveys/index";
import type { Config } from "../../config";
import type { Database } from "../../db/client";
import { posters, units } from "../../db/schema";
import { demoUnits } from "../units/demo-hierarchy";
import { createPoster, posterToken } from "../posters/posters";
import { ensureServerSecret } from "./settings-store";
import { publishSurveys, type SurveyVersionRow } from "../surveys/surveys";
import { addUnits, getRootUnit } from "../units/units";
import { bootstrapAdmin } from "../auth/users";
import { passwordPolicy } from "../auth/password-policy";
import { backfillCommentsOnce } from "../comments/comment-rebuild";
import { createSurveyRegistry } from "../surveys/survey-registry";

const DEMO_CREATOR = "demo-seed";

export interface BootstrapResult {
  secret: string;
  published: SurveyVersionRow[];
  seededDemo: boolean;
  /** Set only on the start that created the admin; a generated password is shown this once. */
  admin: { username: string; password: string; generated: boolean } | null;
}

/**
 * Brings a migrated database to a usable state: publishes changed surveys, seeds the demo city into
 * an empty database, creates the first admin and the poster secret. Safe to run on every start.
 * `passwordIterations` is for tests only, as AppDeps.passwordIterations.
 */
export async function bootstrapDatabase(
  db: Database,
  config: Config,
  surveys: SurveyFile[],
  now: Date,
  options: { passwordIterations?: number } = {},
): Promise<BootstrapResult> {
  const published = await publishSurveys(db, surveys, now);
  const empty = (await db.select({ code: units.code }).from(units).limit(1)).length === 0;
  let seededDemo = false;
  if (empty) {
    if (config.SEED_DEMO) {
      await addUnits(db, demoUnits(), now);
      seededDemo = true;
    } else {
      await addUnits(db, [{ code: "000000000000", name: "全市", kind: "city", parentCode: null }], now);
    }
  }
  const root = await getRootUnit(db);
  if (!root) throw new Error("no root unit");
  const secret = await ensureServerSecret(db, config.SERVER_SECRET, now);
  const admin = await bootstrapAdmin(db, root.code, config.ADMIN_PASSWORD, now, options.passwordIterations, passwordPolicy(config));
  if (seededDemo) await seedDemoPosters(db, now);
  // After publishSurveys, so every stored response's version is in the registry it reads.
  await backfillCommentsOnce(db, createSurveyRegistry(db, { now: () => now }), now);
  return { secret, published, seededDemo, admin };
}

async function seedDemoPosters(db: Database, now: Date): Promise<void> {
  const demo = demoUnits();
  const community = demo.find((u) => u.kind === "community")!;
  const school = demo.find((u) => u.kind === "school")!;
  for (const [unitCode, surveyId] of [
    [community.code, "resident"],
    [community.code, "shopkeeper"],
    [school.code, "parent"],
  ] as const) {
    await createPoster(db, { unitCode, surveyId, createdBy: DEMO_CREATOR }, now);
  }
}

/** One sample respondent link per audience, for the start banner. */
export async function demoPosterLinks(
  db: Database,
  secret: string,
  origin: string,
): Promise<{ surveyId: string; unitName: string; url: string }[]> {
  const rows = await db
    .select({ poster: posters, unitName: units.name })
    .from(posters)
    .innerJoin(units, eq(units.code, posters.unitCode))
    .where(eq(posters.createdBy, DEMO_CREATOR))
    .orderBy(asc(posters.createdAt));
  const seen = new Set<string>();
  const links = [];
  for (const { poster, unitName } of rows) {
    if (seen.has(poster.surveyId)) continue;
    seen.add(poster.surveyId);
    links.push({ surveyId: poster.surveyId, unitName, url: `${origin}/q/${await posterToken(secret, poster)}` });
  }
  return links;
}
