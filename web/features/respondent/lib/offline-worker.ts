/**
 * The respondent page's own service worker (web/public/respondent-sw.js, scope /q/), apart from
 * the interviewer app's Workbox worker (scope /interview, vite.config.ts). Once a poster's page
 * has been opened, a reload with no signal shows the same page and survey instead of the
 * browser's "No internet"; the answers themselves are kept in localStorage (draft-store.ts).
 */
export const RESPONDENT_WORKER_URL = "/respondent-sw.js";
export const RESPONDENT_WORKER_SCOPE = "/q/";

export function registerRespondentWorker(): void {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(RESPONDENT_WORKER_URL, { scope: RESPONDENT_WORKER_SCOPE }).catch(() => {
    // No worker (private mode, old WebView): the page still works online, drafts still survive.
  });
}

/**
 * Asks the worker to keep what this page has loaded so far: the page itself, its scripts and
 * styles (fetched before the worker controlled the page, so it never saw them) and the
 * questionnaire (unless the page carries it inline: `questionnaire: false`). Call again once the
 * lazily loaded survey chunk is in.
 */
export function keepForOffline(token: string, options: { questionnaire?: boolean } = {}): void {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  const assets = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith("/assets/"))
    .map((url) => url.pathname);
  // A page that came with its questionnaire inline (issue 18) needs no copy of the API's answer.
  const questionnaire = options.questionnaire === false ? [] : [`/api/v1/q/${encodeURIComponent(token)}`];
  const urls = [location.pathname, ...questionnaire, ...new Set(assets)];
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "keep", urls }));
}
