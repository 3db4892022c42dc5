import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { AuditEntry } from "../types";

export const listAudit = (before?: number) =>
  apiRequest<{ entries: AuditEntry[] }>(`${API_BASE}/admin/audit?limit=100${before ? `&before=${before}` : ""}`).then((r) => r.entries);
