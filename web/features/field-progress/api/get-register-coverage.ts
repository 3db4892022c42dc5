import { api, unwrap } from "../../../lib/api-client";

/** GET /api/v1/register/coverage: register coverage and AAPOR rates per community (issue 16). */
export const getRegisterCoverage = (unit: string | null) => unwrap(api.register.coverage.$get({ query: unit ? { unit } : {} }));
