import { api, unwrap } from "../../../lib/api-client";

/** The page shows 100 entries at a time, the newest first; `before` pages back by id. */
export const listAudit = (before?: number) =>
  unwrap(api.admin.audit.$get({ query: before ? { limit: "100", before: String(before) } : { limit: "100" } })).then((r) => r.entries);
