import type { InferRequestType, InferResponseType } from "hono/client";
import { api, unwrap } from "../../../lib/api-client";

export type RetentionSettings = InferResponseType<typeof api.settings.retention.$get, 200>;
export type RetentionUpdate = InferRequestType<typeof api.settings.retention.$put>["json"];
export type RetentionRun = InferResponseType<typeof api.settings.retention.runs.$get, 200>["runs"][number];

export const getRetention = () => unwrap(api.settings.retention.$get());
export const putRetention = (settings: RetentionUpdate) => unwrap(api.settings.retention.$put({ json: settings }));
export const listRetentionRuns = () => unwrap(api.settings.retention.runs.$get({ query: { limit: "20" } })).then((r) => r.runs);
