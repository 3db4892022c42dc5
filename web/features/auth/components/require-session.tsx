import { useEffect, useState, type ReactNode } from "react";
import { useLocation, useSearch } from "wouter";
import { texts } from "../../../lib/i18n";
import { getMe } from "../../../lib/session/api";
import { loginUrl } from "../lib/safe-next";
import type { SessionUser } from "../types";
import { SessionProvider } from "./session-context";

type State = { kind: "checking" } | { kind: "in"; user: SessionUser } | { kind: "error" };

/** Renders `children` for a signed-in user; sends everyone else to /login?next=<here>. */
export function RequireSession({ children }: { children: ReactNode }) {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const [state, setState] = useState<State>({ kind: "checking" });

  useEffect(() => {
    let cancelled = false;
    getMe().then(
      (user) => {
        if (cancelled) return;
        if (user) setState({ kind: "in", user });
        else navigate(loginUrl(search ? `${location}?${search}` : location), { replace: true });
      },
      () => !cancelled && setState({ kind: "error" }),
    );
    return () => {
      cancelled = true;
    };
    // Checked once per mount; the session cookie does not change while navigating inside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.kind === "in") return <SessionProvider user={state.user}>{children}</SessionProvider>;
  return (
    <p className="page-status" role="status">
      {state.kind === "error" ? texts.auth.networkError : texts.auth.checking}
    </p>
  );
}
