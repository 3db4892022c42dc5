/**
 * The offline tablet app: remembers who signed in on this device (so a restart without signal
 * reopens their work), asks for a login only when there is no one, and hands over to the
 * workspace of that user. Another user's unsent work is never loaded.
 */
import { useEffect, useState } from "react";
import { texts } from "../../../lib/i18n";
import { NetworkError } from "../../../lib/http";
import { getMe, logout } from "../../../lib/session/api";
import { canRecordFieldWork } from "../lib/field-roles";
import { openInterviewDb, type InterviewDb } from "../lib/interview-db";
import { registerInterviewWorker } from "../lib/pwa";
import type { InterviewUser } from "../types";
import { InterviewLogin } from "./interview-login";
import { Workspace } from "./workspace";
import "../interview.css";

const SESSION_KEY = "session";
/** Set by a logout that could not reach the server: the cookie may still be valid, but must not reopen the workspace. */
const SIGNED_OUT_KEY = "signedOut";

type State =
  | { kind: "booting" }
  | { kind: "login"; notice: string | null }
  | { kind: "in"; user: InterviewUser }
  | { kind: "failed"; message: string };

export function InterviewApp() {
  const [db, setDb] = useState<InterviewDb | null>(null);
  const [state, setState] = useState<State>({ kind: "booting" });

  useEffect(() => {
    registerInterviewWorker();
    let cancelled = false;
    openInterviewDb().then(
      async (opened) => {
        if (cancelled) return opened.close();
        setDb(opened);
        setState(await boot(opened));
      },
      (error: unknown) => setState({ kind: "failed", message: String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.kind === "failed") return <p className="page-status">{state.message}</p>;
  if (!db || state.kind === "booting") return <p className="page-status">{texts.common.loading}</p>;

  if (state.kind === "login") {
    return (
      <InterviewLogin
        notice={state.notice}
        onSignedIn={async (user) => {
          if (!canRecordFieldWork(user.role)) return setState({ kind: "login", notice: texts.interview.notForRole });
          await db.setMeta(SESSION_KEY, user);
          await db.deleteMeta(SIGNED_OUT_KEY);
          setState({ kind: "in", user });
        }}
      />
    );
  }

  const user = state.user;
  return (
    <Workspace
      key={user.username}
      db={db}
      user={user}
      onLogout={async () => {
        // Signed-out first: if the page is left before the rest finishes, boot() still ends the session.
        await db.setMeta(SIGNED_OUT_KEY, true);
        await db.deleteMeta(SESSION_KEY);
        await logout({ timeoutMs: 5_000 }).then(
          () => db.deleteMeta(SIGNED_OUT_KEY),
          () => {
            // Offline: the cookie lives on; boot() ends that session once the server is reachable.
          },
        );
        setState({ kind: "login", notice: texts.interview.loggedOut });
      }}
      onSessionExpired={async (pending) => {
        await db.deleteMeta(SESSION_KEY);
        setState({ kind: "login", notice: texts.interview.sessionExpired(pending) });
      }}
    />
  );
}

/** Who works on this tablet now: the server's answer when it gives one, else the remembered user. */
async function boot(db: InterviewDb): Promise<State> {
  const remembered = (await db.getMeta<InterviewUser>(SESSION_KEY)) ?? null;
  if (await db.getMeta<boolean>(SIGNED_OUT_KEY)) {
    await logout({ timeoutMs: 5_000 }).then(
      () => db.deleteMeta(SIGNED_OUT_KEY),
      () => {},
    );
    return { kind: "login", notice: null };
  }
  try {
    const me = await getMe({ timeoutMs: 6_000 });
    if (me && !canRecordFieldWork(me.role)) return { kind: "login", notice: texts.interview.notForRole };
    if (me) {
      if (remembered && remembered.username !== me.username) {
        // The cookie belongs to someone else than the remembered user: trust the server.
        await db.setMeta(SESSION_KEY, me);
      } else if (!remembered) {
        await db.setMeta(SESSION_KEY, me);
      }
      return { kind: "in", user: me };
    }
    if (remembered) {
      await db.deleteMeta(SESSION_KEY);
      const pending = (await db.itemsOf(remembered.username)).filter((i) => i.state === "pending").length;
      return { kind: "login", notice: texts.interview.sessionExpired(pending) };
    }
    return { kind: "login", notice: null };
  } catch (error) {
    if (error instanceof NetworkError && remembered) return { kind: "in", user: remembered };
    return { kind: "login", notice: error instanceof NetworkError ? texts.interview.loginNeedsNetwork : null };
  }
}
