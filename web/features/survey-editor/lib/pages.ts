/** Page operations: add, remove, reorder, retitle. */
import { pageNames, uniqueName } from "./names";
import { copy, pagesOf, setOrDelete, type PageJson, type SurveyJson } from "./survey-json";

/** Appends an empty page (or inserts it at `index`) and returns the survey and the new page's name. */
export function addPage(json: SurveyJson, title: string, index?: number): { json: SurveyJson; name: string } {
  const next = copy(json);
  const pages = (next.pages ??= []);
  const name = uniqueName(`page${pages.length + 1}`, pageNames(next));
  const page: PageJson = { name, title, elements: [] };
  pages.splice(index ?? pages.length, 0, page);
  return { json: next, name };
}

/** Removes a page with its questions. The last page stays: a survey without pages does not load. */
export function removePage(json: SurveyJson, name: string): SurveyJson {
  if (pagesOf(json).length <= 1) return json;
  const next = copy(json);
  next.pages = pagesOf(next).filter((p) => p.name !== name);
  return next;
}

/** Moves a page by `delta` places (−1 up, +1 down); at either end nothing changes. */
export function movePage(json: SurveyJson, name: string, delta: number): SurveyJson {
  const from = pagesOf(json).findIndex((p) => p.name === name);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= pagesOf(json).length) return json;
  const next = copy(json);
  const pages = pagesOf(next);
  const [page] = pages.splice(from, 1);
  pages.splice(to, 0, page!);
  return next;
}

export function setPageText(json: SurveyJson, name: string, patch: { title?: string; description?: string }): SurveyJson {
  const next = copy(json);
  const page = pagesOf(next).find((p) => p.name === name);
  if (!page) throw new Error(`no page named ${name}`);
  for (const [key, value] of Object.entries(patch)) setOrDelete(page, key, value);
  return next;
}

/** The survey's own title and description (the first page's header). */
export function setSurveyText(json: SurveyJson, patch: { title?: string; description?: string }): SurveyJson {
  const next = copy(json);
  for (const [key, value] of Object.entries(patch)) setOrDelete(next, key, value);
  return next;
}
