import { api, unwrap } from "../../../lib/api-client";
import type { UnitInfo } from "../types";

export function getUnitInfo(code: string): Promise<UnitInfo> {
  return unwrap(api.units[":code"].$get({ param: { code: encodeURIComponent(code) } }));
}
