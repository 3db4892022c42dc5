/**
 * Units as the unit picker and unit-name cells read them, through the typed client. In lib
 * because admin, dashboard and field pages all name units and features do not import each other.
 */
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../api-client";

export type UnitSearchBody = InferResponseType<typeof api.units.$get, 200>;
export type UnitHit = UnitSearchBody["units"][number];
export type UnitNode = InferResponseType<(typeof api.units)[":code"]["$get"], 200>;

/** Units inside `under` (default: the caller's scope) whose name contains q or whose code starts with it. */
export function searchUnits(q: string, under?: string): Promise<UnitSearchBody> {
  return unwrap(api.units.$get({ query: under ? { q, under } : { q } }));
}

/** One unit with its direct children. */
export function getUnitNode(code: string): Promise<UnitNode> {
  return unwrap(api.units[":code"].$get({ param: { code: encodeURIComponent(code) } }));
}
