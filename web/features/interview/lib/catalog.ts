/**
 * Units and survey definitions for offline work: fetched from the server when it answers and
 * kept in IndexedDB, read from there when it does not (offline, or a session that expired while
 * offline). The service worker caches the same requests; this copy does not depend on it.
 */
import { api, unwrap, withTimeout } from "../../../lib/api-client";
import { ApiError, NetworkError, readResponse } from "../../../lib/http";
import { DEFAULT_PRIVACY_NOTICE, type PrivacyNotice } from "../../../../server/contracts/privacy-notice-defaults";
import type { SurveyDefinition, SurveySummary, UnitNode } from "../types";
import type { InterviewDb } from "./interview-db";

const CATALOG_TIMEOUT = withTimeout(8_000);

async function networkFirst<T>(db: InterviewDb, key: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    await db.putCatalog(key, value);
    return value;
  } catch (error) {
    const offline = error instanceof NetworkError || (error instanceof ApiError && error.status === 401);
    if (offline) {
      const cached = await db.getCatalog<T>(key);
      if (cached !== undefined) return cached;
    }
    throw error;
  }
}

export const getUnit = (db: InterviewDb, code: string): Promise<UnitNode> =>
  networkFirst(db, `unit:${code}`, () => unwrap(api.units[":code"].$get({ param: { code: encodeURIComponent(code) } }, CATALOG_TIMEOUT)));

export const listSurveys = (db: InterviewDb): Promise<SurveySummary[]> =>
  networkFirst(db, "surveys", () => unwrap(api.surveys.$get({}, CATALOG_TIMEOUT)));

/**
 * The GPS consent and 开场白 texts an admin set (issue 19): fetched and kept like the rest of the
 * catalog; a tablet that has never reached the server, or one the server refuses, shows the
 * defaults rather than no consent step at all.
 */
export async function getPrivacyNotice(db: InterviewDb): Promise<PrivacyNotice> {
  try {
    return await networkFirst(db, "privacy-notice", () => unwrap(api.settings["privacy-notice"].$get({}, CATALOG_TIMEOUT)));
  } catch {
    return (await db.getCatalog<PrivacyNotice>("privacy-notice")) ?? DEFAULT_PRIVACY_NOTICE;
  }
}

/** Published versions never change: the stored copy wins. */
export async function getSurveyVersion(db: InterviewDb, id: string, version: number): Promise<SurveyDefinition> {
  const key = `survey:${id}@${version}`;
  const cached = await db.getCatalog<SurveyDefinition>(key);
  if (cached) return cached;
  // The route sends the stored definition as it is (`c.body`), so hc types it as a string.
  const res = await api.surveys[":id"].versions[":version"].$get({ param: { id, version: String(version) } }, withTimeout(15_000));
  const value = await readResponse<SurveyDefinition>(res);
  await db.putCatalog(key, value);
  return value;
}

/**
 * Which questionnaires fit a leaf: parents at schools, residents and shopkeepers in communities;
 * a retired survey (issue 17) is offered for no new interview (a catalog cached before has no
 * `retiredAt`: in use).
 */
export function surveysFor(kind: string, surveys: SurveySummary[]): SurveySummary[] {
  return surveys.filter((s) => !s.retiredAt && (kind === "school" ? s.audience === "parent" : s.audience !== "parent"));
}

/**
 * Right after login, while online: stores the scope's units (breadth first, bounded) and the
 * current survey definitions, so the whole day can be worked offline.
 */
export async function warmCatalog(db: InterviewDb, scope: string, maxUnits = 400): Promise<void> {
  const surveys = await listSurveys(db);
  await Promise.all(surveys.map((s) => getSurveyVersion(db, s.id, s.version)));
  const queue = [scope];
  let fetched = 0;
  while (queue.length > 0 && fetched < maxUnits) {
    const batch = queue.splice(0, 8);
    const nodes = await Promise.all(batch.map((code) => getUnit(db, code)));
    fetched += nodes.length;
    for (const node of nodes) {
      // Leaves too, so a picked community has its own record offline.
      for (const child of node.children) queue.push(child.code);
    }
  }
}
