/// <reference types="vite-plugin-pwa/client" />
/**
 * Registers the interview service worker (vite-plugin-pwa / Workbox, configured in
 * vite.config.ts): it precaches the app shell and the SurveyJS chunk and caches survey
 * definitions and units, so /interview opens and works with no network. Its scope is
 * /interview only: the respondent and office pages are not affected.
 */
import { registerSW } from "virtual:pwa-register";

let registered = false;

export function registerInterviewWorker(): void {
  if (registered || !("serviceWorker" in navigator) || import.meta.env.DEV) return;
  registered = true;
  // autoUpdate: a new build takes over on the next load; drafts and the queue live in IndexedDB.
  registerSW({ immediate: true });
}
