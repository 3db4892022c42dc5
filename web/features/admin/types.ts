/**
 * Shapes of the administration endpoints (docs/api.md, "Administration"), derived from the
 * routes' own answers (web/lib/api-client.ts); only the view-side types are written here.
 */
import type { InferRequestType, InferResponseType } from "hono/client";
import { METRICS } from "../../../surveys/metrics";
import type { api } from "../../lib/api-client";

export { ROLES, type Role } from "../../../server/contracts/roles";

/** POST /api/v1/units/import/preview and POST /api/v1/units/import (raw file bodies). */
export type ImportPreview = InferResponseType<typeof api.units.import.preview.$post, 200>;
export type ImportResult = InferResponseType<typeof api.units.import.$post, 200>;

export type AdminUser = InferResponseType<typeof api.users.$get, 200>["users"][number];

export type SurveySummary = InferResponseType<typeof api.surveys.$get, 200>[number];

export type PosterRow = InferResponseType<typeof api.posters.$get, 200>["posters"][number];
export type PosterDetail = InferResponseType<(typeof api.posters)[":id"]["$get"], 200>;
export type PosterStatus = PosterRow["status"];

export type SurveyVersionRow = InferResponseType<(typeof api.surveys)[":id"]["versions"]["$get"], 200>["versions"][number];
export type SurveyDiff = InferResponseType<(typeof api.surveys)[":id"]["diff"]["$get"], 200>["diff"];

export type ReviewStatus = NonNullable<InferRequestType<typeof api.admin.flagged.$get>["query"]["status"]>;
export type ReviewDecision = InferRequestType<typeof api.admin.responses.review.$post>["json"]["decision"];
/** GET /api/v1/admin/responses: at least one of id (8+ characters), day, deviceId. */
export interface ResponseSearchQuery {
  id?: string;
  day?: string;
  unit?: string;
  deviceId?: string;
}
/** A response as the review pages show it (the flag list and the response search). */
export type FlaggedResponse = InferResponseType<typeof api.admin.flagged.$get, 200>["responses"][number];

export const METRIC_KEYS = METRICS;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** GET/PUT /api/v1/settings/thresholds: what is in force at a unit, where each value comes from, what it sets itself. */
export type RateSettingsView = InferResponseType<typeof api.settings.thresholds.$get, 200>;
export type RateSettings = Pick<RateSettingsView, "threshold" | "minRespondents">;
export type UnitRef = RateSettingsView["unit"];

/** A unit's own values; null removes one, so the unit inherits it from further up again. */
export type RateSettingsUpdate = InferRequestType<typeof api.settings.thresholds.$put>["json"];
export type PrivacyNoticeTexts = InferRequestType<(typeof api.settings)["privacy-notice"]["$put"]>["json"];

export type AuditEntry = InferResponseType<typeof api.admin.audit.$get, 200>["entries"][number];

/** GET /api/v1/admin/logins: one sign-in try (登录记录). */
export type LoginRow = InferResponseType<typeof api.admin.logins.$get, 200>["logins"][number];
export type LoginOutcome = LoginRow["outcome"];
