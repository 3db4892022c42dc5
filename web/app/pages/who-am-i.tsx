import { useSessionUser } from "../../features/auth/components/session-context";
import { roleLabel } from "../../features/auth/components/user-summary";
import { texts } from "../texts";

/** One line naming the signed-in user, for the placeholder pages. */
export function WhoAmI() {
  const user = useSessionUser();
  return <p className="muted">{texts.pages.whoAmI(user.username, roleLabel(user.role), user.scope)}</p>;
}
