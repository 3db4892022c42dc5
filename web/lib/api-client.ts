/**
 * The single place that would build the typed Hono client (`hc<AppType>`, DESIGN.md §6).
 *
 * Not used yet, on purpose: `AppType` from server/app.ts is `ReturnType<typeof createApp>`, and
 * createApp mounts the API with a statement (`app.route("/api/v1", api)`), not a chained call,
 * so the type carries no routes and `hc<AppType>` is `unknown`. Until the server exports a chained
 * type, request files call `apiRequest` from `./http` with interfaces mirroring DESIGN.md §4, and
 * request bodies are checked at compile time against the server's zod contracts
 * (`import type` from server/contracts, no runtime code).
 */
export const API_BASE = "/api/v1";
