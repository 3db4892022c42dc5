/**
 * Where to go after login: the `?next=` path if it stays on this site, else the dashboard.
 * Refuses absolute URLs and protocol-relative `//host` paths (an open redirect otherwise).
 */
export const DEFAULT_AFTER_LOGIN = "/dashboard";

export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return DEFAULT_AFTER_LOGIN;
  if (next.startsWith("/login")) return DEFAULT_AFTER_LOGIN;
  return next;
}

/** The login URL that brings the user back to `path` afterwards. */
export function loginUrl(path: string): string {
  return path && path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login";
}
