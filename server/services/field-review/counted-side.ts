import { COUNTED_POLICIES, type CountedPolicy, type ReviewState } from "../../contracts/field-review-states";

/** What decides a response's side in the rollups: its quality flags, the admin's include/exclude, and (interviews) the supervisor's state. */
export interface SideInputs {
  channel: string;
  flagReason: string | null;
  reviewDecision: "include" | "exclude" | null;
}

/**
 * Whether the checks leave a response out: an admin's include/exclude decides when there is one
 * (response-review.ts), otherwise any flag reason the ingest checks set.
 */
export function excludedByChecks(r: SideInputs): boolean {
  return r.reviewDecision ? r.reviewDecision === "exclude" : r.flagReason !== null;
}

/** Whether a supervisor's state counts under the policy in force (QR responses have none). */
export function stateCounts(state: ReviewState, policy: CountedPolicy): boolean {
  return (COUNTED_POLICIES[policy] as readonly ReviewState[]).includes(state);
}

/**
 * The one rule for `responses.flagged` (left out of the rates): out if the checks leave it out,
 * or, for an interview, if its review state does not count. Every writer of `flagged` after
 * ingest (admin review, supervisor review, the counted setting, back-check flags) uses it, so
 * the rollups rebuilt from `flagged` equal the incremental ones.
 */
export function flaggedSide(r: SideInputs, state: ReviewState, policy: CountedPolicy): boolean {
  if (excludedByChecks(r)) return true;
  return r.channel === "interview" && !stateCounts(state, policy);
}
