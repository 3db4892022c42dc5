/** Shapes of GET /api/v1/field-progress/*, derived from the routes' answers (server/routes/field-progress.ts). */
import type { InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";

export type InterviewerDay = InferResponseType<(typeof api)["field-progress"]["interviewers"]["$get"], 200>["rows"][number];

type UnitsBody = InferResponseType<(typeof api)["field-progress"]["units"]["$get"], 200>;
export type UnitProgress = UnitsBody["totals"];
export type OutcomeCounts = Pick<UnitProgress, "visits" | "completed" | "refused" | "notHome" | "vacant" | "notEligible" | "responseRate">;

export type DeviceRow = InferResponseType<(typeof api)["field-progress"]["devices"]["$get"], 200>["rows"][number];

/** GET /field-progress/plan and /field-progress/qa (server/routes/field-plan.ts). */
export type PlanBody = InferResponseType<(typeof api)["field-progress"]["plan"]["$get"], 200>;
export type QaBody = InferResponseType<(typeof api)["field-progress"]["qa"]["$get"], 200>;
