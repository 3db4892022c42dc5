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
import { renderRespondentShell } from "./first-page-html";
import { respondentHtml } from "./respondent-html";

export interface RespondentPageOptions {
  /** The built index.html, or null when there is none (no web build). */
  template: (c: Context) => Promise<string | null>;
  /** Extra response headers for the page (Node's preload hints), told whether the data is inline. */
  headers?: (token: string, inline: boolean) => Record<string, string>;
}

/** A version's light first page, read once per version (published versions never change). */
const firstPages = new Map<string, LightFirstPage | null>();

export function respondentPage(services: AppServices, options: RespondentPageOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const token = c.req.param("token");
    if (!token) return next();
    const { db, secret, registry, clock } = services;
    const [template, scanned] = await Promise.all([
      options.template(c),
      loadQuestionnaire(db, { secret, registry, clock }, token).catch(() => null),
    ]);
    if (template === null) return next();
    const html = scanned ? pageHtml(template, token, scanned) : null;
    const headers = { "Cache-Control": "no-cache", ...options.headers?.(token, html !== null) };
    return c.html(html ?? template, 200, headers);
  };
}

function pageHtml(template: string, token: string, scanned: ScannedQuestionnaire): string | null {
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
  });
}
