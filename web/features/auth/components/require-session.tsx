import { useQuery } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { useLocation, useSearch } from "wouter";
import { texts } from "../../../lib/i18n";
import { getSession } from "../../../lib/session/api";
import { afterLogin } from "../lib/role-home";
import { loginUrl } from "../lib/safe-next";
import { SessionProvider } from "./session-context";

const PASSWORD_PAGE = "/account/password";

/**
 * Renders `children` for a signed-in user; sends everyone else to /login?next=<here>, and a
 * user on a page their role cannot use (an interviewer on the dashboard) to their own home.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const [location, navigate] = useLocation();
  const search = useSearch();
  // Checked once per mount of the signed-in area; the cookie does not change while navigating
  // inside, and login and logout clear the cache, so the next user is asked afresh.
  const me = useQuery({
    queryKey: ["session", "me"],
    queryFn: () => getSession(),
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const user = me.data?.user;
  const signedOut = me.isSuccess && !user;
  // An expired password (PASSWORD_MAX_AGE_DAYS) leaves one page: the server refuses the others.
  const expired = me.data?.passwordExpired === true;
  const home = !user ? location : expired ? PASSWORD_PAGE : afterLogin(location, user.role);
  const misplaced = home !== location;

  // biome-ignore lint/correctness/useExhaustiveDependencies: where to come back to is read when the check ends, not on every navigation
  useEffect(() => {
    if (signedOut) navigate(loginUrl(search ? `${location}?${search}` : location), { replace: true });
  }, [signedOut]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: decided by where the user is, which `misplaced` already reflects
  useEffect(() => {
    if (misplaced) navigate(home, { replace: true });
  }, [misplaced]);

  if (user && me.data && !misplaced) {
    const facts = { passwordExpired: expired, idleMinutes: me.data.idleMinutes };
    return (
      <SessionProvider user={user} facts={facts}>
        {children}
      </SessionProvider>
    );
  }
  return (
    <p className="page-status" role="status">
      {me.isError ? texts.auth.networkError : texts.auth.checking}
    </p>
  );
}
