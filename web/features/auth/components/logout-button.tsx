import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { logout } from "../../../lib/session/api";

/** Ends the session, then hands over (the shell goes to /login). Leaves even if the call fails. */
export function LogoutButton({ onLoggedOut }: { onLoggedOut: () => void }) {
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  async function run() {
    setBusy(true);
    try {
      await logout();
    } catch {
      // The cookie may already be gone; leaving the page is still right.
    }
    // The app keeps one query cache; the next user of this browser must not see this one's data.
    queryClient.clear();
    onLoggedOut();
  }
  return (
    <button type="button" className="button button--ghost" onClick={run} disabled={busy}>
      {texts.auth.logout}
    </button>
  );
}
