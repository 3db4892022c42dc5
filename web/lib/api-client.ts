/**
 * The single place that would build the typed Hono client (`hc<AppType>`, DESIGN.md §6).
 *
 * Until `server/app.ts` exports `AppType`, request files call `apiRequest` from `./http` with
 * response interfaces that mirror the fixed contract in DESIGN.md §4.
 */
export const API_BASE = "/api/v1";
