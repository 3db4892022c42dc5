/**
 * The three roles (docs/design.md §4), as a pure constant: the web app imports it at runtime (role
 * pickers) without pulling zod; ./auth.ts builds `roleSchema` from the same list.
 */
export const ROLES = ["admin", "office", "interviewer"] as const;
export type Role = (typeof ROLES)[number];
