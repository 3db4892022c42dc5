import { createContext, useContext, type ReactNode } from "react";
import type { SessionUser } from "../types";

const SessionContext = createContext<SessionUser | null>(null);

/** What the session answer says besides the user (GET /auth/me). */
export interface SessionFacts {
  passwordExpired: boolean;
  idleMinutes: number;
}
const FactsContext = createContext<SessionFacts | null>(null);

export function SessionProvider({ user, facts, children }: { user: SessionUser; facts?: SessionFacts; children: ReactNode }) {
  return (
    <SessionContext.Provider value={user}>
      <FactsContext.Provider value={facts ?? null}>{children}</FactsContext.Provider>
    </SessionContext.Provider>
  );
}

/** The password-expired flag and the idle timeout, when the session check gave them. */
export function useSessionFacts(): SessionFacts | null {
  return useContext(FactsContext);
}

/** The signed-in user; only valid below `RequireSession`. */
export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSessionUser() outside of <RequireSession>");
  return user;
}
