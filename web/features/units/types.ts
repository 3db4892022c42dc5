/** GET /api/v1/units/:code (docs/design.md §4), derived from the route's answer. */
import type { InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";

export type { UnitKind } from "../../../server/contracts/unit-kinds";

export type UnitDetail = InferResponseType<(typeof api.units)[":code"]["$get"], 200>;
export type UnitSummary = UnitDetail["children"][number];
