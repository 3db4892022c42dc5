import { useQuery } from "@tanstack/react-query";
import { errorText } from "../../../lib/http";
import { useState, type FormEvent } from "react";
import { texts } from "../../../lib/i18n";
import { UnitPicker } from "../../../lib/ui/unit-picker";
import { PasswordRules, usePasswordMinLength } from "../../../lib/ui/password-rules";
import { createUser, listUsers, resetPassword, updateUser } from "../api/users";
import { adminQuery } from "../lib/admin-query";
import { ROLES, type AdminUser, type Role } from "../types";

const T = texts.admin.users;

/** Users of the admin's subtree: create, change role and scope, disable, reset a password. */
export function UsersPanel() {
  const minLength = usePasswordMinLength();
  const users = useQuery({ queryKey: ["admin", "users"], queryFn: listUsers, ...adminQuery });
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newScope, setNewScope] = useState("");

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setNote(null);
    try {
      await action();
      setNote(done);
      void users.refetch();
    } catch (e) {
      setError(errorText(e));
    }
  }

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const input = {
      username: String(f.get("username")),
      password: String(f.get("password")),
      role: String(f.get("role")) as Role,
      scope: String(f.get("scope")),
    };
    void run(
      () =>
        createUser(input).then(() => {
          form.reset();
          setNewScope("");
        }),
      T.created(input.username),
    );
  }

  return (
    <section className="admin-panel">
      <form className="admin-row" onSubmit={onCreate}>
        <strong>{T.create}</strong>
        <input name="username" placeholder={T.username} aria-label={T.username} required />
        <input
          name="password"
          type="password"
          placeholder={T.password}
          aria-label={T.password}
          minLength={minLength}
          required
          autoComplete="new-password"
        />
        <select name="role" defaultValue="office" aria-label={T.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {texts.auth.roles[r]}
            </option>
          ))}
        </select>
        <UnitPicker name="scope" label={T.scope} value={newScope} onChange={setNewScope} required />
        <button className="button" type="submit">
          {T.create}
        </button>
        <PasswordRules />
      </form>
      {error && <p className="admin-error">{error}</p>}
      {note && (
        <p className="admin-ok" role="status">
          {note}
        </p>
      )}
      {users.error && <p className="admin-error">{texts.admin.loadFailed(users.error.message)}</p>}
      {/* Seven columns do not fit a 640 px (200% zoom) window: the table scrolls, the page does not. */}
      <div className="admin-table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th>{T.username}</th>
              <th>{T.role}</th>
              <th>{T.scope}</th>
              <th>{T.status}</th>
              <th title={T.personalDataHint}>{T.personalData}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data?.map((u) => (
              <UserRow key={u.username} user={u} run={run} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function UserRow({ user, run }: { user: AdminUser; run: (action: () => Promise<unknown>, done: string) => Promise<void> }) {
  const minLength = usePasswordMinLength();
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState(user.scope);
  const [password, setPassword] = useState("");
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const changed = role !== user.role || scope !== user.scope;
  return (
    <tr className={user.disabled ? "is-disabled" : undefined}>
      <td>{user.username}</td>
      <td>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label={T.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {texts.auth.roles[r]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <UnitPicker value={scope} onChange={setScope} label={T.scopeOf(user.username)} />
        {changed && (
          <button
            className="button button--small"
            type="button"
            onClick={() => void run(() => updateUser(user.username, { role, scope }), texts.admin.saved)}
          >
            {T.apply}
          </button>
        )}
      </td>
      <td>{user.disabled ? T.disabled : T.active}</td>
      <td>
        {/* Off by default for everyone; interviewers never hold it (the server refuses with 422). */}
        <input
          type="checkbox"
          checked={user.personalData}
          disabled={user.role === "interviewer"}
          aria-label={T.personalDataOf(user.username)}
          title={T.personalDataHint}
          onChange={(e) => void run(() => updateUser(user.username, { personalData: e.target.checked }), texts.admin.saved)}
        />
      </td>
      <td className="admin-actions">
        {confirmingDisable ? (
          // Disabling signs the user out everywhere at once: one stray click must not do that.
          <span className="admin-confirm" role="alertdialog" aria-label={T.confirmDisable(user.username)}>
            <span>{T.confirmDisable(user.username)}</span>
            <button
              className="button button--small"
              type="button"
              onClick={() => {
                setConfirmingDisable(false);
                void run(() => updateUser(user.username, { disabled: true }), texts.admin.saved);
              }}
            >
              {T.confirm}
            </button>
            <button className="button button--small admin-cancel" type="button" onClick={() => setConfirmingDisable(false)}>
              {T.cancel}
            </button>
          </span>
        ) : (
          <button
            className="button button--small"
            type="button"
            onClick={() =>
              user.disabled ? void run(() => updateUser(user.username, { disabled: false }), texts.admin.saved) : setConfirmingDisable(true)
            }
          >
            {user.disabled ? T.enable : T.disable}
          </button>
        )}
        <input
          type="password"
          value={password}
          placeholder={T.newPassword}
          aria-label={T.newPasswordOf(user.username)}
          minLength={minLength}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          size={12}
        />
        <button
          className="button button--small"
          type="button"
          disabled={password.length < (minLength ?? 1)}
          onClick={() => void run(() => resetPassword(user.username, password).then(() => setPassword("")), T.resetDone(user.username))}
        >
          {T.resetPassword}
        </button>
      </td>
    </tr>
  );
}
