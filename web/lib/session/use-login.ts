import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError, NetworkError } from "../http";
import { texts } from "../i18n";
import { login } from "./api";
import type { SessionUser } from "./types";

export interface UseLoginOptions {
  onSignedIn: (user: SessionUser) => void | Promise<void>;
  /** What to say when the server cannot be reached; the tablet explains that login needs the network once. */
  networkErrorText?: string;
}

/**
 * The state and submit of a login form, for the dashboard's and the tablet's alike (each keeps its
 * own layout). The device id goes along inside `login`; errors read as one sentence for the user.
 */
export function useLogin({ onSignedIn, networkErrorText = texts.auth.networkError }: UseLoginOptions) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let user: SessionUser;
    try {
      user = await login({ username: username.trim(), password });
    } catch (e) {
      setError(describeLoginError(e, networkErrorText));
      setBusy(false);
      return;
    }
    // One query cache serves the whole app: nothing cached under a previous user may show to this one.
    queryClient.clear();
    await onSignedIn(user);
  }

  return { username, setUsername, password, setPassword, busy, error, submit, canSubmit: !busy && !!username && !!password };
}

/** One sentence for a failed login. */
export function describeLoginError(error: unknown, networkErrorText: string = texts.auth.networkError): string {
  if (error instanceof ApiError) {
    // 400/422: a name or password the server's contract refuses (too long, only spaces) cannot be right.
    if (error.status === 401 || error.status === 400 || error.status === 422) return texts.auth.badCredentials;
    if (error.status === 429) {
      return error.retryAfterMs === null
        ? texts.auth.tooMany
        : texts.auth.tooManyRetryIn(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    }
    return texts.auth.unexpectedError(error.message);
  }
  if (error instanceof NetworkError) return networkErrorText;
  return texts.auth.unexpectedError(error instanceof Error ? error.message : String(error));
}
