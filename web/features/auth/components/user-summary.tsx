import { texts } from "../../../lib/i18n";
import type { SessionUser } from "../types";

/**
 * "admin（管理员） · 管理范围 重庆市（500000000000）" for the header. The code sits in its own span
 * so a phone can drop it and keep the header on two lines.
 */
export function UserSummary({ user, scopeName }: { user: SessionUser; scopeName?: string | undefined }) {
  return (
    <div className="user-summary">
      <span className="user-summary__name">{texts.shell.loggedInAs(user.username, roleLabel(user.role))}</span>
      <span className="user-summary__scope">
        {texts.auth.scope} {scopeName ?? user.scope}
        {scopeName && <span className="user-summary__code">（{user.scope}）</span>}
      </span>
    </div>
  );
}

export function roleLabel(role: SessionUser["role"]): string {
  return texts.auth.roles[role] ?? role;
}
