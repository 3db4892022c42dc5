import type { Rng } from "./answer-generator";

interface QuestionInfo {
  name: string;
  type: string;
  values: unknown[];
}

/** Question names, types and in-domain values of a survey JSON, read without SurveyJS. */
export function describeQuestions(json: Record<string, unknown>): QuestionInfo[] {
  const out: QuestionInfo[] = [];
  const visit = (elements: unknown) => {
    for (const el of (Array.isArray(elements) ? elements : []) as Record<string, any>[]) {
      if (el.type === "panel") {
        visit(el.elements);
        continue;
      }
      let values: unknown[] = [];
      if (Array.isArray(el.choices)) values = el.choices.map((c: any) => (c && typeof c === "object" ? c.value : c));
      if (el.showOtherItem) values.push("other");
      if (el.type === "rating") for (let v = el.rateMin ?? 1; v <= (el.rateMax ?? 5); v++) values.push(v);
      if (el.type === "boolean") values = [true, false];
      if (el.type === "text" && el.inputType === "number") values = [el.min ?? 0, el.max ?? 10, 3, 7];
      if (el.type === "text" || el.type === "comment") values.push("好", "建议123", "  ");
      out.push({ name: el.name, type: el.type, values });
    }
  };
  for (const page of (json.pages as Record<string, unknown>[]) ?? []) visit(page.elements);
  return out;
}

/** Values no SurveyJS page produces, to throw at every question. */
const JUNK: unknown[] = [
  "",
  "  ",
  null,
  0,
  -1,
  3.5,
  1e9,
  "5",
  "true",
  true,
  false,
  {},
  { a: null },
  { a: 1 },
  [],
  [null],
  ["x"],
  "no_such_choice",
  "长".repeat(201),
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "\u0000",
  NaN,
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/**
 * Changes a (usually valid) answer set in 1-3 random ways: another in-domain value (which may
 * show or hide other questions), a removed answer, junk, an unknown key, or an "other" comment
 * added, emptied or removed. Cheap, so a test can make tens of thousands of sets.
 */
export function perturbAnswers(questions: QuestionInfo[], base: Record<string, unknown>, rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  const changes = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < changes; i++) {
    const q = pick(rng, questions);
    const roll = rng();
    if (roll < 0.3 && q.values.length > 0) {
      const v = pick(rng, q.values);
      out[q.name] = q.type === "checkbox" ? [...new Set([v, ...(rng() < 0.5 ? [pick(rng, q.values)] : [])])] : v;
    } else if (roll < 0.45) {
      delete out[q.name];
    } else if (roll < 0.7) {
      out[q.name] = pick(rng, JUNK);
    } else if (roll < 0.8) {
      out[`unknown_${Math.floor(rng() * 100)}`] = pick(rng, JUNK);
    } else if (roll < 0.9) {
      out[`${q.name}-Comment`] = pick(rng, ["其他", "", "  ", 5, null]);
    } else if (q.type === "checkbox" && q.values.length > 2) {
      out[q.name] = q.values.slice(0, 2 + Math.floor(rng() * (q.values.length - 1)));
    } else {
      delete out[`${q.name}-Comment`];
    }
  }
  return out;
}
