/** Shapes of the administration endpoints (docs/api.md, "Administration"). */
export type Role = "admin" | "office" | "interviewer";

export interface ImportRowError {
  line: number;
  code: string;
  reason: string;
  message: string;
}
export interface ImportUnit {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  households: number | null;
  population: number | null;
  targetN: number | null;
}
export interface ImportPreview {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  adds: (ImportUnit & { line: number })[];
  changes: { code: string; line: number; before: ImportUnit; after: ImportUnit; fields: string[] }[];
  errors: ImportRowError[];
}
export interface ImportResult {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
}

export interface AdminUser {
  username: string;
  role: Role;
  scope: string;
  disabled: boolean;
  createdAt: string;
}

export interface SurveySummary {
  id: string;
  version: number;
  audience: string;
  title: string;
}
export type PosterStatus = "active" | "revoked" | "not_started" | "ended";
/** A poster's collection window and revocation (ISO instants; null = open end / not revoked). */
export interface PosterLifecycle {
  startsAt: string | null;
  endsAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  status: PosterStatus;
}
export interface PosterRow extends PosterLifecycle {
  id: string;
  unitCode: string;
  unitName: string;
  surveyId: string;
  createdBy: string;
  createdAt: string;
}
export interface PosterDetail extends PosterLifecycle {
  id: string;
  unitCode: string;
  unitName: string;
  fullName: string;
  surveyId: string;
  surveyTitle: string;
  audience: string | null;
  url: string;
  createdBy: string;
  createdAt: string;
}

export interface SurveyVersionRow {
  version: number;
  title: string;
  audience: string;
  hash: string;
  publishedAt: string;
  responses: number;
  flagged: number;
}
export interface SurveyDiff {
  added: { name: string; title: string; type: string }[];
  removed: { name: string; title: string; type: string }[];
  changed: {
    name: string;
    title: string;
    properties: { property: string; before: unknown; after: unknown }[];
    choices: { value: unknown; kind: "added" | "removed" | "text"; before?: string; after?: string }[];
  }[];
  survey: { property: string; before: unknown; after: unknown }[];
}

export type ReviewStatus = "pending" | "included" | "excluded" | "all";
export type ReviewDecision = "include" | "exclude";
/** GET /api/v1/admin/responses: at least one of id (8+ characters), day, deviceId. */
export interface ResponseSearchQuery {
  id?: string;
  day?: string;
  unit?: string;
  deviceId?: string;
}
/** A response as the review pages show it (the flag list and the response search). */
export interface FlaggedResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  unitCode: string;
  unitName: string;
  channel: string;
  day?: string;
  flagged: boolean;
  flagReasons: string[];
  durationSeconds: number;
  receivedAt: string;
  deviceId: string;
  answers: Record<string, unknown>;
  reviewDecision: "include" | "exclude" | null;
  reviewReason: string | null;
  reviewedBy: string | null;
}

export const METRIC_KEYS = ["awareness", "support", "participation", "satisfaction"] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export interface RateSettings {
  threshold: Record<MetricKey, number>;
  minRespondents: number;
}

export interface UnitRef {
  code: string;
  name: string;
  kind: string;
}

/** GET/PUT /api/v1/settings/thresholds: what is in force at a unit, where each value comes from, what it sets itself. */
export interface RateSettingsView extends RateSettings {
  unit: UnitRef;
  /** null: the built-in default (90%, 20). */
  sources: { threshold: Record<MetricKey, UnitRef | null>; minRespondents: UnitRef | null };
  own: { threshold: Partial<Record<MetricKey, number>>; minRespondents?: number };
}

/** A unit's own values; null removes one, so the unit inherits it from further up again. */
export interface RateSettingsUpdate {
  unit: string;
  threshold?: Partial<Record<MetricKey, number | null>>;
  minRespondents?: number | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
}
