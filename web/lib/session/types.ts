/** The signed-in user as the auth endpoints return it (docs/design.md §4). */
import type { Role } from "../../../server/contracts/roles";

export type { Role };

export interface SessionUser {
  username: string;
  role: Role;
  /** Code of the unit whose subtree this user may see or serve. */
  scope: string;
}

export interface SessionResponse {
  user: SessionUser;
}
