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

/** The entry's stylesheet link as Vite writes it; only a hashed file under /assets/. */
const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="(\/assets\/[A-Za-z0-9_.-]+\.css)">/;

/** The path of the template's render-blocking stylesheet, if it has one to inline. */
export function stylesheetPath(template: string): string | null {
  return STYLESHEET.exec(template)?.[1] ?? null;
}

/**
 * The template with the data and the shell, or null when the template has no #root to fill.
 * `css`, the stylesheet's text, replaces its link: painting then waits for nothing but the HTML
 * (on a slow link the file queued behind the preloaded SurveyJS chunk for a few hundred ms).
 */
export function respondentHtml(
  template: string,
  page: { token: string; title: string; json: string; shell: string; css?: string | null },
): string | null {
  if (!ROOT.test(template)) return null;
  const data = `<script type="application/json" id="${INLINE_QUESTIONNAIRE_ID}" data-token="${escapeHtml(page.token)}">${inlineJson(page.json)}</script>`;
  const { css } = page;
  // Functions as replacements: a `$&` or `$'` in a questionnaire must stay text.
  const html = template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(ROOT, () => `<div id="root">${page.shell}</div>${data}`);
  // Our own build's CSS; still, text that could end the style element keeps its link instead.
  return css && !/<\/style/i.test(css) ? html.replace(STYLESHEET, () => `<style>${css}</style>`) : html;
}
