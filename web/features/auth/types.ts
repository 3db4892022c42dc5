/** The session's shapes live with the one session API in web/lib/session, shared with the tablet. */
export type { Role, SessionResponse, SessionUser } from "../../lib/session/types";
