/**
 * GET /q/:token, the page a poster's QR code opens (issue 18): index.html with the questionnaire
 * inline and the first page already in the HTML (respondent-html.ts), so a slow phone shows the
 * first question without waiting for the questionnaire request or the SurveyJS chunk. An unknown,
 * revoked or closed poster, or any failure to read it, gets the plain index.html as before (the
 * page then asks the API and shows why). Both runtimes mount it: Node reads index.html from
 * dist/web, the Worker from its assets binding.
 */
import type { Context, MiddlewareHandler } from "hono";
import { lightFirstPage, type LightFirstPage } from "../../surveys/first-page";
import type { AppServices } from "../app-env";
import { loadQuestionnaire, type ScannedQuestionnaire } from "../services/posters/questionnaire";
import { Refusal } from "../services/refusal";
import { renderRespondentShell } from "./first-page-html";
import { respondentHtml, stylesheetPath } from "./respondent-html";

export interface RespondentPageOptions {
  /** The built index.html, or null when there is none (no web build). */
  template: (c: Context) => Promise<string | null>;
  /** A file of the web build (the entry's stylesheet, inlined into the page), or null. */
  asset?: (c: Context, path: string) => Promise<string | null>;
  /** Extra response headers for the page (Node's preload hints), told whether the data is inline. */
  headers?: (token: string, inline: boolean) => Record<string, string>;
}

/** Per app: a version's light first page and the hashed stylesheets, neither of which changes. */
interface PageCaches {
  firstPages: Map<string, LightFirstPage | null>;
  stylesheets: Map<string, Promise<string | null>>;
}

export function respondentPage(services: AppServices, options: RespondentPageOptions): MiddlewareHandler {
  const caches: PageCaches = { firstPages: new Map(), stylesheets: new Map() };
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const token = c.req.param("token");
    if (!token) return next();
    const { db, secret, registry, clock } = services;
    const [template, scanned] = await Promise.all([
      options.template(c),
      loadQuestionnaire(db, { secret, registry, clock }, token).catch((error: unknown) => {
        // A refusal (unknown, revoked, closed) is the page's own news; anything else is worth a line.
        if (!(error instanceof Refusal)) console.error("poster page served without its questionnaire", error);
        return null;
      }),
    ]);
    if (template === null) return next();
    const css = scanned ? await stylesheet(c, template, options, caches.stylesheets) : null;
    const html = scanned ? pageHtml(template, token, scanned, css, caches.firstPages) : null;
    const headers = { "Cache-Control": "no-cache", ...options.headers?.(token, html !== null) };
    return c.html(html ?? template, 200, headers);
  };
}

async function stylesheet(
  c: Context,
  template: string,
  options: RespondentPageOptions,
  stylesheets: PageCaches["stylesheets"],
): Promise<string | null> {
  const path = stylesheetPath(template);
  if (!path || !options.asset) return null;
  let css = stylesheets.get(path);
  if (!css) {
    css = options.asset(c, path).catch(() => null);
    if (stylesheets.size >= 20) stylesheets.clear();
    stylesheets.set(path, css);
  }
  const text = await css;
  // Not found now (a deployment in progress): ask again next time, keep the link meanwhile.
  if (text === null) stylesheets.delete(path);
  return text;
}

function pageHtml(
  template: string,
  token: string,
  scanned: ScannedQuestionnaire,
  css: string | null,
  firstPages: PageCaches["firstPages"],
): string | null {
  const { survey, unit, privacyNotice } = scanned;
  const key = `${survey.id}@${survey.version}`;
  let page = firstPages.get(key);
  if (page === undefined) {
    page = lightFirstPage(survey.json);
    if (firstPages.size >= 100) firstPages.clear();
    firstPages.set(key, page);
  }
  return respondentHtml(template, {
    token,
    title: `${unit.fullName} · 创文问卷`,
    json: scanned.body,
    shell: renderRespondentShell({ unitName: unit.fullName, privacyNotice, page }),
    css,
  });
}
