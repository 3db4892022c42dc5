/**
 * A readable difference between two versions of a SurveyJS questionnaire: questions added,
 * removed or changed, and for changed ones which properties moved (title, type, required,
 * visibleIf, the metric properties) and which choices were added, removed or reworded.
 */
export interface ChoiceChange {
  value: unknown;
  kind: "added" | "removed" | "text";
  before?: string;
  after?: string;
}

export interface QuestionChange {
  name: string;
  title: string;
  properties: { property: string; before: unknown; after: unknown }[];
  choices: ChoiceChange[];
}

export interface SurveyDiff {
  added: { name: string; title: string; type: string }[];
  removed: { name: string; title: string; type: string }[];
  changed: QuestionChange[];
  /** Survey-level changes (title, audience, page count). */
  survey: { property: string; before: unknown; after: unknown }[];
}

interface Element {
  type?: string;
  name?: string;
  title?: unknown;
  choices?: unknown[];
  elements?: Element[];
  [key: string]: unknown;
}

/** Properties worth telling an office about; layout and styling ones are left out. */
const COMPARED = [
  "type",
  "title",
  "isRequired",
  "visibleIf",
  "enableIf",
  "requiredIf",
  "rateMin",
  "rateMax",
  "rateValues",
  "validators",
  "inputType",
  "min",
  "max",
  "metric",
  "positive",
  "excluded",
  "scores",
  "showOtherItem",
  "hasOther",
] as const;

export function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    return String(v["zh-cn"] ?? v.default ?? Object.values(v)[0] ?? "");
  }
  return value === undefined || value === null ? "" : String(value);
}

function questions(json: Record<string, unknown>): Map<string, Element> {
  const out = new Map<string, Element>();
  const visit = (elements: Element[] | undefined) => {
    for (const el of elements ?? []) {
      if (el.type === "panel" || (Array.isArray(el.elements) && !el.name?.length)) visit(el.elements);
      else if (el.name) {
        out.set(el.name, el);
        if (Array.isArray(el.elements)) visit(el.elements);
      }
    }
  };
  for (const page of (json.pages as { elements?: Element[] }[] | undefined) ?? []) visit(page.elements);
  return out;
}

function choiceMap(choices: unknown[] | undefined): Map<string, { value: unknown; text: string }> {
  const map = new Map<string, { value: unknown; text: string }>();
  for (const c of choices ?? []) {
    const value = c && typeof c === "object" ? (c as Record<string, unknown>).value : c;
    const label = c && typeof c === "object" ? text((c as Record<string, unknown>).text ?? value) : String(c);
    map.set(JSON.stringify(value), { value, text: label });
  }
  return map;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffSurveys(from: Record<string, unknown>, to: Record<string, unknown>): SurveyDiff {
  const a = questions(from);
  const b = questions(to);
  const summary = (el: Element) => ({ name: el.name!, title: text(el.title) || el.name!, type: el.type ?? "" });
  const diff: SurveyDiff = {
    added: [...b.values()].filter((q) => !a.has(q.name!)).map(summary),
    removed: [...a.values()].filter((q) => !b.has(q.name!)).map(summary),
    changed: [],
    survey: [],
  };
  for (const [name, before] of a) {
    const after = b.get(name);
    if (!after) continue;
    const properties = COMPARED.filter(
      (p) => !same(p === "title" ? text(before[p]) : before[p], p === "title" ? text(after[p]) : after[p]),
    ).map((p) => ({
      property: p,
      before: p === "title" ? text(before[p]) : (before[p] ?? null),
      after: p === "title" ? text(after[p]) : (after[p] ?? null),
    }));
    const ca = choiceMap(before.choices);
    const cb = choiceMap(after.choices);
    const choices: ChoiceChange[] = [];
    for (const [key, c] of cb) {
      const old = ca.get(key);
      if (!old) choices.push({ value: c.value, kind: "added", after: c.text });
      else if (old.text !== c.text) choices.push({ value: c.value, kind: "text", before: old.text, after: c.text });
    }
    for (const [key, c] of ca) if (!cb.has(key)) choices.push({ value: c.value, kind: "removed", before: c.text });
    if (properties.length || choices.length) diff.changed.push({ name, title: text(after.title) || name, properties, choices });
  }
  for (const p of ["title", "audience"] as const) {
    if (!same(text(from[p]), text(to[p]))) diff.survey.push({ property: p, before: text(from[p]), after: text(to[p]) });
  }
  const pages = (j: Record<string, unknown>) => ((j.pages as unknown[] | undefined) ?? []).length;
  if (pages(from) !== pages(to)) diff.survey.push({ property: "pages", before: pages(from), after: pages(to) });
  return diff;
}
