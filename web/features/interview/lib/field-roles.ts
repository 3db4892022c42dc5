import type { Role } from "../types";

/**
 * Who may record visits and interviews: the server's visit, device and interview-sync routes take
 * interviewers and admins. Anyone else would fill the tablet with work the server refuses (403),
 * stuck under 需处理, so the app does not open for them.
 */
export function canRecordFieldWork(role: Role): boolean {
  return role === "interviewer" || role === "admin";
}
