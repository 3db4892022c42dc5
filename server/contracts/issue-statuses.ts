/**
 * 问题清单 statuses and their allowed moves, a pure module (no zod) so web/ can import it into
 * the bundle: 待处理 open, 已转办 forwarded, 已整改 resolved.
 */
export const ISSUE_STATUSES = ["open", "forwarded", "resolved"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/**
 * The moves a status may make: forward or resolve an open item, resolve or take back a forwarded
 * one, reopen a resolved one (整改不到位). Resolved → forwarded is refused: reopen it first.
 */
export const ISSUE_TRANSITIONS: Readonly<Record<IssueStatus, readonly IssueStatus[]>> = {
  open: ["forwarded", "resolved"],
  forwarded: ["open", "resolved"],
  resolved: ["open"],
};
