/**
 * index.html for one poster's page: the questionnaire inline (the same JSON as GET
 * /api/v1/q/:token, in a data block the page reads instead of fetching it) and the shell with the
 * light first page inside #root, so the first question shows and takes answers before any script
 * has arrived (issue 18). A `<script type="application/json">` is data, never run, so the
 * Content-Security-Policy stays without 'unsafe-inline' for scripts.
 */
import { inlineJson, escapeHtml } from "./html-escape";

/** The id of the data block; web/features/respondent/lib/inline-questionnaire.ts reads it. */
export const INLINE_QUESTIONNAIRE_ID = "cw-questionnaire";

const ROOT = /<div id="root">[\s\S]*?<\/div>(?=\s*<\/body>|\s*<script)/;

/** The template with the data and the shell, or null when the template has no #root to fill. */
export function respondentHtml(template: string, page: { token: string; title: string; json: string; shell: string }): string | null {
  if (!ROOT.test(template)) return null;
  const data = `<script type="application/json" id="${INLINE_QUESTIONNAIRE_ID}" data-token="${escapeHtml(page.token)}">${inlineJson(page.json)}</script>`;
  // Functions as replacements: a `$&` or `$'` in a questionnaire must stay text.
  return template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(ROOT, () => `<div id="root">${page.shell}</div>${data}`);
}
