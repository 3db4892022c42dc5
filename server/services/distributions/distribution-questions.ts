import { PROFILE_QUESTIONS } from "../../contracts/distributions";

/**
 * The questions of a survey version whose answers the distributions read counts (issue 14):
 * every closed question (single and multiple choice, boolean, rating) and every numeric text
 * item, with the labels a chart needs. Read from the version's JSON once, in the registry.
 */

export type DistributionKind = "single" | "multi" | "boolean" | "rating" | "numeric";

export interface DistributionChoice {
  value: unknown;
  text: string;
}

export interface DistributionQuestion {
  name: string;
  kind: DistributionKind;
  title: string;
  /** The answer options in the questionnaire's order (none for numeric items). */
  choices: DistributionChoice[];
  /** A respondent's profile (age band, identity, ...): a column of the cross-tab. */
  profile: boolean;
}

interface JsonElement {
  type?: string;
  name?: string;
  title?: unknown;
  inputType?: string;
  choices?: unknown[];
  hasOther?: boolean;
  otherText?: unknown;
  hasNone?: boolean;
  showNoneItem?: boolean;
  noneText?: unknown;
  showOtherItem?: boolean;
  rateValues?: unknown[];
  rateMin?: number;
  rateMax?: number;
  rateStep?: number;
  labelTrue?: unknown;
  labelFalse?: unknown;
  valueTrue?: unknown;
  valueFalse?: unknown;
  elements?: JsonElement[];
}

const KINDS: Record<string, DistributionKind> = {
  radiogroup: "single",
  dropdown: "single",
  imagepicker: "single",
  checkbox: "multi",
  tagbox: "multi",
  boolean: "boolean",
  rating: "rating",
};

/** A localisable SurveyJS text in Simplified Chinese (or its default). */
export function localText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const t = value as Record<string, unknown>;
    const s = t["zh-cn"] ?? t.default;
    return typeof s === "string" ? s : undefined;
  }
  return undefined;
}

function itemOf(item: unknown): DistributionChoice {
  if (item && typeof item === "object" && "value" in item) {
    const o = item as { value: unknown; text?: unknown };
    return { value: o.value, text: localText(o.text) ?? String(o.value) };
  }
  return { value: item, text: String(item) };
}

function choicesOf(el: JsonElement, kind: DistributionKind): DistributionChoice[] {
  if (kind === "boolean") {
    return [
      { value: el.valueTrue ?? true, text: localText(el.labelTrue) ?? "是" },
      { value: el.valueFalse ?? false, text: localText(el.labelFalse) ?? "否" },
    ];
  }
  if (kind === "rating") {
    if (Array.isArray(el.rateValues) && el.rateValues.length > 0) return el.rateValues.map(itemOf);
    const [min, max, step] = [el.rateMin ?? 1, el.rateMax ?? 5, el.rateStep ?? 1];
    const out: DistributionChoice[] = [];
    for (let v = min; v <= max && step > 0; v += step) out.push({ value: v, text: String(v) });
    return out;
  }
  if (kind === "numeric") return [];
  const out = (el.choices ?? []).map(itemOf);
  // survey-core's own default texts for the two extra items (zh-cn locale).
  if (el.hasNone || el.showNoneItem) out.push({ value: "none", text: localText(el.noneText) ?? "无" });
  if (el.hasOther || el.showOtherItem) out.push({ value: "other", text: localText(el.otherText) ?? "其他" });
  return out;
}

/** The counted questions of a survey JSON, in questionnaire order. */
export function extractDistributionQuestions(json: Record<string, unknown>): DistributionQuestion[] {
  const out: DistributionQuestion[] = [];
  const visit = (elements: JsonElement[] | undefined) => {
    for (const el of elements ?? []) {
      const kind = el.type === "text" && el.inputType === "number" ? "numeric" : KINDS[el.type ?? ""];
      if (kind && el.name) {
        out.push({
          name: el.name,
          kind,
          title: localText(el.title) ?? el.name,
          choices: choicesOf(el, kind),
          profile: kind === "single" && (PROFILE_QUESTIONS as readonly string[]).includes(el.name),
        });
      }
      visit(el.elements);
    }
  };
  for (const page of (json.pages as JsonElement[] | undefined) ?? []) visit(page.elements);
  visit(json.elements as JsonElement[] | undefined);
  return out;
}
