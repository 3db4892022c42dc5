/**
 * The part of SurveyJS JSON the editor works on, typed loosely on purpose: a questionnaire may
 * carry any SurveyJS property, and every operation keeps what it does not know as it was.
 * Operations never mutate their input; each returns a new survey (a structured copy), so the
 * editor can compare, undo and autosave by reference.
 */
export type ChoiceValue = string | number | boolean;

export interface ChoiceJson {
  value: ChoiceValue;
  text?: string;
  [key: string]: unknown;
}

export interface ElementJson {
  type: string;
  name: string;
  title?: string;
  description?: string;
  isRequired?: boolean;
  visibleIf?: string;
  choices?: (ChoiceJson | ChoiceValue)[];
  elements?: ElementJson[];
  [key: string]: unknown;
}

export interface PageJson {
  name: string;
  title?: string;
  description?: string;
  visibleIf?: string;
  elements?: ElementJson[];
  [key: string]: unknown;
}

export interface SurveyJson {
  title?: string;
  audience?: string;
  pages?: PageJson[];
  [key: string]: unknown;
}

export interface QuestionRef {
  pageIndex: number;
  page: PageJson;
  /** The array holding the element (a page's or a panel's elements). */
  container: ElementJson[];
  index: number;
  element: ElementJson;
}

/** A structured copy: operations edit the copy and hand it back. */
export const copy = <T>(value: T): T => structuredClone(value);

export const pagesOf = (json: SurveyJson): PageJson[] => json.pages ?? [];

/** Every element in page order, panels' children included (depth first). */
export function allElements(json: SurveyJson): ElementJson[] {
  const out: ElementJson[] = [];
  const visit = (elements: ElementJson[] | undefined) => {
    for (const el of elements ?? []) {
      out.push(el);
      if (Array.isArray(el.elements)) visit(el.elements);
    }
  };
  for (const page of pagesOf(json)) visit(page.elements);
  return out;
}

/** Elements that hold an answer (not panels, not html blocks). */
export const isAnswerable = (el: ElementJson): boolean => el.type !== "panel" && el.type !== "html" && el.type !== "image";

export const allQuestions = (json: SurveyJson): ElementJson[] => allElements(json).filter(isAnswerable);

/** Where a named element sits, or null. */
export function findElement(json: SurveyJson, name: string): QuestionRef | null {
  const pages = pagesOf(json);
  for (let pageIndex = 0; pageIndex < pages.length; pageIndex++) {
    const page = pages[pageIndex]!;
    const found = findIn(page.elements ?? [], name);
    if (found) return { pageIndex, page, ...found };
  }
  return null;
}

function findIn(container: ElementJson[], name: string): { container: ElementJson[]; index: number; element: ElementJson } | null {
  for (let index = 0; index < container.length; index++) {
    const element = container[index]!;
    if (element.name === name) return { container, index, element };
    if (Array.isArray(element.elements)) {
      const inner = findIn(element.elements, name);
      if (inner) return inner;
    }
  }
  return null;
}

/** Copies the survey and applies `change` to the named element of the copy; unknown names throw. */
export function editElement(json: SurveyJson, name: string, change: (element: ElementJson, ref: QuestionRef) => void): SurveyJson {
  const next = copy(json);
  const ref = findElement(next, name);
  if (!ref) throw new Error(`no element named ${name}`);
  change(ref.element, ref);
  return next;
}

/** Sets or (for undefined, null or "") removes a property, so the JSON stays as lean as a hand-written one. */
export function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || value === null || value === "") delete target[key];
  else target[key] = value;
}

/** A localisable string as shown in zh-cn (SurveyJS allows `{default, "zh-cn"}` objects). */
export function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    return String(v["zh-cn"] ?? v.default ?? Object.values(v)[0] ?? "");
  }
  return value === undefined || value === null ? "" : String(value);
}
