import { api, unwrap } from "../../../lib/api-client";
import type { RateSettingsUpdate } from "../types";

/** The thresholds in force at `unit` (default: the signed-in user's scope) and where they come from. */
export const getRateSettings = (unit?: string) => unwrap(api.settings.thresholds.$get({ query: unit ? { unit } : {} }));

export const putRateSettings = (update: RateSettingsUpdate) => unwrap(api.settings.thresholds.$put({ json: update }));
