import { api, unwrap } from "../../../lib/api-client";
import type { LoginOutcome } from "../types";

/** 100 sign-ins at a time, newest first; `before` pages back by id; filters by name and outcome. */
export const listLogins = (filter: { before?: number; username?: string; outcome?: LoginOutcome }) =>
  unwrap(
    api.admin.logins.$get({
      query: {
        limit: "100",
        ...(filter.before ? { before: String(filter.before) } : {}),
        ...(filter.username ? { username: filter.username } : {}),
        ...(filter.outcome ? { outcome: filter.outcome } : {}),
      },
    }),
  ).then((r) => r.logins);

/** Where the audit log of the admin's scope downloads as a file (the session cookie goes along). */
export const auditExportUrl = (format: "csv" | "xlsx") => api.admin.audit.export.$path({ query: { format } });
