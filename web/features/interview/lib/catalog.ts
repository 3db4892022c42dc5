/**
 * Units and survey definitions for offline work: fetched from the server when it answers and
 * kept in IndexedDB, read from there when it does not (offline, or a session that expired while
 * offline). The service worker caches the same requests; this copy does not depend on it.
 */
import { API_BASE } from "../../../lib/api-client";
import { ApiError, apiRequest, NetworkError } from "../../../lib/http";
import type { SurveyDefinition, SurveySummary, UnitNode } from "../types";
import { LEAF_KINDS } from "../types";
import type { InterviewDb } from "./interview-db";

async function networkFirst<T>(db: InterviewDb, key: string, path: string): Promise<T> {
  try {
    const value = await apiRequest<T>(path, { timeoutMs: 8_000 });
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

export const getUnit = (db: InterviewDb, code: string) =>
  networkFirst<UnitNode>(db, `unit:${code}`, `${API_BASE}/units/${encodeURIComponent(code)}`);

export const listSurveys = (db: InterviewDb) => networkFirst<SurveySummary[]>(db, "surveys", `${API_BASE}/surveys`);

/** Published versions never change: the stored copy wins. */
export async function getSurveyVersion(db: InterviewDb, id: string, version: number): Promise<SurveyDefinition> {
  const key = `survey:${id}@${version}`;
  const cached = await db.getCatalog<SurveyDefinition>(key);
  if (cached) return cached;
  const value = await apiRequest<SurveyDefinition>(`${API_BASE}/surveys/${id}/versions/${version}`, { timeoutMs: 15_000 });
  await db.putCatalog(key, value);
  return value;
}

/** Which questionnaires fit a leaf: parents at schools, residents and shopkeepers in communities. */
export function surveysFor(kind: string, surveys: SurveySummary[]): SurveySummary[] {
  return surveys.filter((s) => (kind === "school" ? s.audience === "parent" : s.audience !== "parent"));
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
