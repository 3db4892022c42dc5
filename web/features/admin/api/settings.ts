import { api, unwrap } from "../../../lib/api-client";
import type { PrivacyNoticeTexts, RateSettingsUpdate } from "../types";

/** The thresholds in force at `unit` (default: the signed-in user's scope) and where they come from. */
export const getRateSettings = (unit?: string) => unwrap(api.settings.thresholds.$get({ query: unit ? { unit } : {} }));

export const putRateSettings = (update: RateSettingsUpdate) => unwrap(api.settings.thresholds.$put({ json: update }));

/** The privacy notice texts in force (issue 19) and when an admin last changed them. */
export const getPrivacyNotice = () => unwrap(api.settings["privacy-notice"].$get());

export const putPrivacyNotice = (texts: PrivacyNoticeTexts) => unwrap(api.settings["privacy-notice"].$put({ json: texts }));
