import type { Role } from "../../../../server/contracts/roles";

/**
 * Each role's own start page. Interviewers work in the tablet app and have no dashboard scope
 * of their own to read, so a dashboard link would only show them 无权查看该单位的数据.
 */
export function homeFor(role: Role): string {
  return role === "interviewer" ? "/interview" : "/dashboard";
}

/** Office paths an interviewer cannot use; anything else asked for in `?next=` is kept. */
const OFFICE_ONLY = /^\/(dashboard|admin)(\/|\?|$)/;

/**
 * Where a user goes after signing in: the page they asked for, unless it is one their role cannot
 * use, in which case their home. `next` has already passed safeNext.
 */
export function afterLogin(next: string, role: Role): string {
  if (role === "interviewer" && OFFICE_ONLY.test(next)) return homeFor(role);
  return next;
}
