import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { surveyVersions } from "../../db/schema";
import { meaningChanged } from "../surveys/lint/meaning-change";
import type { SurveyRegistry } from "../surveys/survey-registry";

export interface VersionBoundary {
  surveyId: string;
  version: number;
  publishedAt: string;
  /** A metric question's choices or tags changed: figures before and after are not comparable. */
  meaningChanged: boolean;
}

/**
 * Where a trend crosses from one published version to the next (issue 17), for the surveys of
 * the audience (all without one): every version after the first, and whether it changed what a
 * metric question means. Versions are immutable and few, and the registry keeps their JSON.
 */
export async function versionBoundaries(db: Database, registry: SurveyRegistry, audience: string | undefined): Promise<VersionBoundary[]> {
  const where: SQL[] = [gt(surveyVersions.version, 1)];
  if (audience) where.push(eq(surveyVersions.audience, audience));
  const rows = await db
    .select({ surveyId: surveyVersions.surveyId, version: surveyVersions.version, publishedAt: surveyVersions.publishedAt })
    .from(surveyVersions)
    .where(and(...where))
    .orderBy(asc(surveyVersions.publishedAt), asc(surveyVersions.surveyId));
  const out: VersionBoundary[] = [];
  for (const row of rows) {
    const [before, after] = await Promise.all([registry.get(row.surveyId, row.version - 1), registry.get(row.surveyId, row.version)]);
    const changed = before && after ? meaningChanged(before.json, after.json).length > 0 : false;
    out.push({ ...row, meaningChanged: changed });
  }
  return out;
}
