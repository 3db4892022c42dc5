import { api, unwrap } from "../../../lib/api-client";
import type { FieldUnitsBody } from "../types";

/** GET /api/v1/field-progress/units for the 通报's days: households visited per community. */
export function getFieldCoverage(unit: string, from: string, to: string): Promise<FieldUnitsBody> {
  return unwrap(api["field-progress"].units.$get({ query: { unit, from, to } }));
}
