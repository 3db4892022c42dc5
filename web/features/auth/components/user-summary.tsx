import { texts } from "../../../lib/i18n";
import type { SessionUser } from "../types";

/** "admin（管理员） · 管理范围 重庆市" for the header. */
export function UserSummary({ user, scopeLabel }: { user: SessionUser; scopeLabel?: string | undefined }) {
  return (
    <div className="user-summary">
      <span className="user-summary__name">{texts.shell.loggedInAs(user.username, roleLabel(user.role))}</span>
      <span className="user-summary__scope">
        {texts.auth.scope} {scopeLabel ?? user.scope}
      </span>
    </div>
  );
}

export function roleLabel(role: SessionUser["role"]): string {
  return texts.auth.roles[role] ?? role;
}
