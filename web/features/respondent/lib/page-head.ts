/**
 * index.html is shared by every page, and vite-plugin-pwa writes the interviewer app's manifest
 * link into it. A resident's phone must not offer to install 入户访问 from a poster's page, so the
 * respondent page takes the link out before the browser looks for one (after the load event).
 */
export function detachInterviewManifest(): void {
  for (const link of document.querySelectorAll('link[rel="manifest"]')) link.remove();
}
