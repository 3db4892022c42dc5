import { api, unwrap } from "../../../lib/api-client";
import type { UnitDetail } from "../types";

export function getUnit(code: string): Promise<UnitDetail> {
  return unwrap(api.units[":code"].$get({ param: { code: encodeURIComponent(code) } }));
}
