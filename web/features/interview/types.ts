import type { InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";
import type { Role } from "../../../server/contracts/roles";

export type { Role };
export { LEAF_KINDS } from "../../../server/contracts/unit-kinds";

/** The signed-in interviewer, as the one session API returns it. */
export type { SessionUser as InterviewUser } from "../../lib/session/types";

/** GET /api/v1/units/:code (docs/design.md §4). */
export type UnitNode = InferResponseType<(typeof api.units)[":code"]["$get"], 200>;

/** GET /api/v1/surveys item. */
export type SurveySummary = InferResponseType<typeof api.surveys.$get, 200>[number];

/** GET /api/v1/surveys/:id/versions/:version: sent as stored (`c.body`), so hc cannot type it. */
export interface SurveyDefinition extends SurveySummary {
  json: Record<string, unknown>;
}

/** Where an interviewer is working now: a leaf unit and a questionnaire; kept per user. */
export interface WorkArea {
  unitCode: string;
  unitName: string;
  unitKind: string;
  survey: SurveySummary;
}
