import { useQuery } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { useLocation, useSearch } from "wouter";
import { texts } from "../../../lib/i18n";
import { getMe } from "../../../lib/session/api";
import { afterLogin } from "../lib/role-home";
import { loginUrl } from "../lib/safe-next";
import { SessionProvider } from "./session-context";

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
    queryFn: () => getMe(),
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const user = me.data;
  const signedOut = me.isSuccess && !user;
  const home = user ? afterLogin(location, user.role) : location;
  const misplaced = home !== location;

  // biome-ignore lint/correctness/useExhaustiveDependencies: where to come back to is read when the check ends, not on every navigation
  useEffect(() => {
    if (signedOut) navigate(loginUrl(search ? `${location}?${search}` : location), { replace: true });
  }, [signedOut]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: decided by where the user is, which `misplaced` already reflects
  useEffect(() => {
    if (misplaced) navigate(home, { replace: true });
  }, [misplaced]);

  if (user && !misplaced) return <SessionProvider user={user}>{children}</SessionProvider>;
  return (
    <p className="page-status" role="status">
      {me.isError ? texts.auth.networkError : texts.auth.checking}
    </p>
  );
}
