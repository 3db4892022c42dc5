/**
 * The respondent page as HTML before any script has run (issue 18): header, 个人信息处理告知 and
 * the light first page (surveys/first-page.ts) as a real form the person can already answer.
 * web/features/respondent/components/light-first-page.tsx renders the same markup with the same
 * classes, so when React mounts nothing moves, and survey-react-ui takes over from there with the
 * answers given (web/features/respondent/lib/inline-questionnaire.ts reads them from this form).
 * Every text comes from the database or a questionnaire: all of it is escaped.
 */
import { lightFieldName, type LightFirstPage, type LightQuestion } from "../../surveys/first-page";
import { escapeHtml as e } from "./html-escape";

export interface FirstPageView {
  unitName: string;
  privacyNotice?: { summary: string; full: string } | undefined;
  page: LightFirstPage | null;
}

/** The same words as web/lib/i18n/zh-cn/respondent.ts (appName, largeText, privacyNotice, loadingQuestions). */
const TEXT = {
  appName: "创文问卷",
  largeText: "大字",
  privacyTitle: "个人信息处理告知",
  privacyExpand: "展开全文",
  loadingRest: "正在加载题目…",
};

export function renderRespondentShell(view: FirstPageView): string {
  const header =
    `<header class="respondent-header"><div class="respondent-header__text">` +
    `<div class="respondent-header__app">${e(TEXT.appName)}</div>` +
    `<h1 class="respondent-header__unit">${e(view.unitName)}</h1></div>` +
    `<button type="button" class="large-text-toggle" aria-pressed="false"><span aria-hidden="true" class="large-text-toggle__glyph">A</span>${e(TEXT.largeText)}</button>` +
    `</header>`;
  const notice = view.privacyNotice
    ? `<section class="privacy-notice" aria-labelledby="cw-privacy-title" data-testid="privacy-notice">` +
      `<p class="privacy-notice__summary"><strong id="cw-privacy-title" class="privacy-notice__title">${e(TEXT.privacyTitle)}</strong> ${e(view.privacyNotice.summary)}</p>` +
      `<details class="privacy-notice__full"><summary>${e(TEXT.privacyExpand)}</summary>` +
      view.privacyNotice.full
        .split("\n")
        .map((p) => `<p>${e(p)}</p>`)
        .join("") +
      `</details></section>`
    : "";
  const body = view.page
    ? renderLightFirstPage(view.page)
    : `<section class="message-panel message-panel--info"><h2 class="message-panel__title">${e(TEXT.loadingRest)}</h2></section>`;
  return `<div class="respondent">${header}<main class="respondent__body"><div>${notice}${body}</div></main></div>`;
}

export function renderLightFirstPage(page: LightFirstPage): string {
  const head =
    (page.surveyTitle ? `<h2 class="first-page__survey-title">${e(page.surveyTitle)}</h2>` : "") +
    (page.surveyDescription ? `<p class="first-page__description">${e(page.surveyDescription)}</p>` : "") +
    (page.pageTitle ? `<h3 class="first-page__page-title">${e(page.pageTitle)}</h3>` : "");
  const questions = page.questions.map((q, i) => renderQuestion(q, i, page.numbered)).join("");
  return (
    `<form class="first-page" id="cw-first-page" data-first-page="" novalidate="">${head}${questions}` +
    `<p class="first-page__loading" role="status">${e(TEXT.loadingRest)}</p></form>`
  );
}

function renderQuestion(q: LightQuestion, index: number, numbered: boolean): string {
  const field = lightFieldName(index);
  const title =
    (numbered ? `<span class="first-page__number">${index + 1}.</span> ` : "") +
    e(q.title) +
    (q.required ? ` <span class="first-page__required" aria-hidden="true">*</span>` : "");
  if (q.kind === "text") {
    const attrs = [
      `id="${field}"`,
      `name="${field}"`,
      `class="first-page__input"`,
      `type="${q.inputType}"`,
      q.inputType === "number" ? `inputmode="numeric"` : "",
      q.min !== undefined ? `min="${q.min}"` : "",
      q.max !== undefined ? `max="${q.max}"` : "",
      q.step !== undefined ? `step="${q.step}"` : "",
      q.required ? "required" : "",
    ].filter(Boolean);
    return (
      `<div class="first-page__question" data-question="${index}">` +
      `<label class="first-page__title" for="${field}">${title}</label><input ${attrs.join(" ")}></div>`
    );
  }
  const radio = q.kind === "radiogroup";
  const type = radio ? "radio" : "checkbox";
  const choices = q.choices
    .map(
      (c, i) =>
        `<label class="first-page__choice"><input type="${type}" name="${field}" value="${i}"${radio && q.required ? " required" : ""}><span>${e(c.text)}</span></label>`,
    )
    .join("");
  return (
    `<fieldset class="first-page__question" data-question="${index}">` +
    `<legend class="first-page__title">${title}</legend><div class="first-page__choices">${choices}</div></fieldset>`
  );
}
