/**
 * Supervisor review of interviews (issue 16, part 4) as pure constants, so the web app can label
 * states without pulling zod. `pending` is the state of every interview nobody has reviewed yet
 * (no row in interview_reviews).
 */
export const REVIEW_STATES = ["pending", "approved", "returned", "doubtful"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** States a supervisor may set: nobody sets an interview back to 待审核 (it was reviewed). */
export const SETTABLE_STATES = ["approved", "returned", "doubtful"] as const satisfies readonly ReviewState[];
export type SettableState = (typeof SETTABLE_STATES)[number];

/** A returned or doubtful interview says why, so the interviewer (or the next supervisor) can act. */
export const REASON_REQUIRED: readonly ReviewState[] = ["returned", "doubtful"];

/**
 * Which review states count in the rates (the setting `counted`): by default 通过 and 待审核
 * (the default, so unreviewed work is not lost while the team catches up), or 通过 only,
 * or every state.
 */
export const COUNTED_POLICIES = {
  approved_pending: ["approved", "pending"],
  approved: ["approved"],
  all: ["approved", "pending", "returned", "doubtful"],
} as const satisfies Record<string, readonly ReviewState[]>;
export type CountedPolicy = keyof typeof COUNTED_POLICIES;

export const BACK_CHECK_MODES = ["phone", "visit"] as const;
export type BackCheckMode = (typeof BACK_CHECK_MODES)[number];
