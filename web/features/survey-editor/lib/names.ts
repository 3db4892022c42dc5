import { allElements, pagesOf, type SurveyJson } from "./survey-json";

/** SurveyJS names that are safe in expressions (`{name}`), in exports and as JSON keys. */
export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,59}$/;

/** `base`, or `base_2`, `base_3` … whichever is not yet taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const elementNames = (json: SurveyJson): Set<string> => new Set(allElements(json).map((e) => e.name));

export const pageNames = (json: SurveyJson): Set<string> => new Set(pagesOf(json).map((p) => p.name));
