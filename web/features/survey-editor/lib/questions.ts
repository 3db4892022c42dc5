/** Question operations: add (new or from the item bank), remove, move, texts and 必答. */
import { elementNames, uniqueName } from "./names";
import { copy, editElement, findElement, pagesOf, setOrDelete, type ElementJson, type SurveyJson } from "./survey-json";

/** The kinds of question the editor offers for a new question, each a minimal valid element. */
export const NEW_QUESTION_TYPES = ["radiogroup", "checkbox", "dropdown", "boolean", "rating", "number", "comment"] as const;
export type NewQuestionType = (typeof NEW_QUESTION_TYPES)[number];

/** A fresh element of a kind, with two placeholder choices where the kind has choices. */
export function newQuestion(kind: NewQuestionType, name: string, title: string, choiceText: (n: number) => string): ElementJson {
  const choices = [1, 2].map((n) => ({ value: `opt${n}`, text: choiceText(n) }));
  switch (kind) {
    case "radiogroup":
    case "checkbox":
    case "dropdown":
      return { type: kind, name, title, choices };
    case "boolean":
      return { type: "boolean", name, title, renderAs: "radio", labelTrue: "是", labelFalse: "否" };
    case "rating":
      return { type: "rating", name, title, rateMin: 1, rateMax: 5 };
    case "number":
      return { type: "text", name, title, inputType: "number" };
    case "comment":
      return { type: "comment", name, title };
  }
}

/**
 * Adds an element to a page (at its end, or at `index`). A name already in the survey gets a
 * suffix (`_2`), because SurveyJS keys answers by name and two questions would share one answer.
 */
export function addQuestion(json: SurveyJson, pageName: string, element: ElementJson, index?: number): { json: SurveyJson; name: string } {
  const next = copy(json);
  const page = pagesOf(next).find((p) => p.name === pageName);
  if (!page) throw new Error(`no page named ${pageName}`);
  const name = uniqueName(element.name, elementNames(next));
  const elements = (page.elements ??= []);
  elements.splice(index ?? elements.length, 0, { ...copy(element), name });
  return { json: next, name };
}

export function removeQuestion(json: SurveyJson, name: string): SurveyJson {
  return editElement(json, name, (_el, ref) => {
    ref.container.splice(ref.index, 1);
  });
}

/**
 * Moves a question by `delta` places on its page; past the first or last question of the page it
 * goes to the end of the page before or the start of the page after, so arrow keys alone can
 * carry a question anywhere.
 */
export function moveQuestion(json: SurveyJson, name: string, delta: -1 | 1): SurveyJson {
  const at = findElement(json, name);
  if (!at) return json;
  const target = at.index + delta;
  if (target >= 0 && target < at.container.length) {
    return editElement(json, name, (_el, ref) => {
      const [el] = ref.container.splice(ref.index, 1);
      ref.container.splice(target, 0, el!);
    });
  }
  const pageIndex = at.pageIndex + delta;
  // Only a top-level element changes pages; inside a panel it stops at the panel's edge.
  if (at.container !== at.page.elements || pageIndex < 0 || pageIndex >= pagesOf(json).length) return json;
  return moveQuestionToPage(json, name, pagesOf(json)[pageIndex]!.name, delta < 0 ? "end" : "start");
}

export function moveQuestionToPage(json: SurveyJson, name: string, pageName: string, where: "start" | "end" = "end"): SurveyJson {
  const next = copy(json);
  const ref = findElement(next, name);
  const page = pagesOf(next).find((p) => p.name === pageName);
  if (!ref || !page) return json;
  const [el] = ref.container.splice(ref.index, 1);
  const elements = (page.elements ??= []);
  if (where === "start") elements.unshift(el!);
  else elements.push(el!);
  return next;
}

/** Title, description and 必答; an empty text or `false` removes the property. */
export function setQuestionProps(
  json: SurveyJson,
  name: string,
  patch: { title?: string; description?: string; isRequired?: boolean },
): SurveyJson {
  return editElement(json, name, (el) => {
    for (const [key, value] of Object.entries(patch)) setOrDelete(el, key, value === false ? undefined : value);
  });
}

/** Every expression a survey holds, with a setter, so a renamed question can be followed. */
const EXPRESSION_KEYS = ["visibleIf", "enableIf", "requiredIf"] as const;

/**
 * Renames a question and every `{old}` reference to it in expressions (pages, elements,
 * calculated values). Meant for questions added in this draft: a published question's name keys
 * its stored answers, so the editor never offers it there.
 */
export function renameQuestion(json: SurveyJson, from: string, to: string): SurveyJson {
  if (from === to) return json;
  if (elementNames(json).has(to)) throw new Error(`name ${to} is taken`);
  const next = copy(json);
  const ref = findElement(next, from);
  if (!ref) throw new Error(`no element named ${from}`);
  ref.element.name = to;
  const pattern = new RegExp(`\\{${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([.}\\[])`, "g");
  const follow = (target: Record<string, unknown>, key: string) => {
    const value = target[key];
    if (typeof value === "string") target[key] = value.replace(pattern, `{${to}$1`);
  };
  const visit = (elements: ElementJson[] | undefined) => {
    for (const el of elements ?? []) {
      for (const key of EXPRESSION_KEYS) follow(el, key);
      visit(el.elements);
    }
  };
  for (const page of pagesOf(next)) {
    for (const key of EXPRESSION_KEYS) follow(page, key);
    visit(page.elements);
  }
  for (const calc of (next.calculatedValues as Record<string, unknown>[] | undefined) ?? []) follow(calc, "expression");
  return next;
}
