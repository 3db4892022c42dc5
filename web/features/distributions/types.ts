/** Shapes of the distributions reads, derived from the routes' own answers (web/lib/api-client.ts). */
import type { InferRequestType, InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";

/** GET /api/v1/rates/distributions */
export type DistributionsBody = InferResponseType<typeof api.rates.distributions.$get, 200>;
export type SurveyDistributions = DistributionsBody["surveys"][number];
export type QuestionDistribution = SurveyDistributions["questions"][number];
export type DistributionsQuery = InferRequestType<typeof api.rates.distributions.$get>["query"];

/** GET /api/v1/rates/crosstab */
export type CrosstabBody = InferResponseType<typeof api.rates.crosstab.$get, 200>;
export type CrosstabQuery = InferRequestType<typeof api.rates.crosstab.$get>["query"];
export type Audience = CrosstabQuery["audience"];
