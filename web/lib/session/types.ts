/** The signed-in user as the auth endpoints return it (docs/design.md §4). */
import type { InferResponseType } from "hono/client";
import type { Role } from "../../../server/contracts/roles";
import type { api } from "../api-client";

export type { Role };

/** `GET /api/v1/auth/me` (and the login answer): `{user: {username, role, scope}}`. */
export type SessionResponse = InferResponseType<typeof api.auth.me.$get, 200>;

/** The signed-in user; `scope` is the code of the unit whose subtree they may see or serve. */
export type SessionUser = SessionResponse["user"];
