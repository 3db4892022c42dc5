import "../../surveys/properties";
import { Model, type Question } from "survey-core";

export type Rng = () => number;

/** A small seeded PRNG (mulberry32) so every generated set can be reproduced from its seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const models = new WeakMap<object, Model>();
function modelFor(json: object): Model {
  let model = models.get(json);
  if (!model) {
    model = new Model(json);
    models.set(json, model);
  }
  return model;
}

export interface GenerateOptions {
  /** Chance that an optional visible question is answered. */
  optionalRate?: number;
  /** Bias toward the positive answers of metric questions (0..1), for datasets that should pass. */
  positiveBias?: number;
}

/**
 * Answers a survey like a person on the SurveyJS page would: page by page, only visible
 * questions, every required one, values the page could produce, hidden answers cleared at the end.
 * The result is valid by SurveyJS's own rules (checked before returning).
 */
export function generateAnswers(json: object, rng: Rng, options: GenerateOptions = {}): Record<string, unknown> {
  const model = modelFor(json);
  const optionalRate = options.optionalRate ?? 0.6;
  for (let attempt = 0; attempt < 20; attempt++) {
    model.clear(true, true);
    // Answer a page at a time and merge once: each value set re-runs every condition, which is
    // what makes naive generation slow. Repeat a page until no newly shown question is left.
    for (const page of model.pages) {
      const skipped = new Set<string>();
      for (let round = 0; round < 4 && page.isVisible; round++) {
        const patch: Record<string, unknown> = {};
        for (const q of page.questions as Question[]) {
          const name = q.getValueName();
          if (!q.isVisible || !q.isParentVisible || !q.isEmpty() || skipped.has(name)) continue;
          if (!q.isRequired && rng() > optionalRate) {
            skipped.add(name);
            continue;
          }
          Object.assign(patch, answerFor(q, rng, options.positiveBias ?? 0));
        }
        if (Object.keys(patch).length === 0) break;
        model.mergeData(patch);
      }
    }
    // What SurveyJS does on complete: answers to questions that ended up hidden are dropped.
    const data = structuredClone(model.data) as Record<string, unknown>;
    for (const q of model.getAllQuestions(false) as Question[]) {
      if (!q.isVisible || !q.isParentVisible) {
        delete data[q.getValueName()];
        delete data[`${q.getValueName()}-Comment`];
      }
    }
    model.data = data;
    if (model.validate(true, false)) return data;
  }
  throw new Error("could not generate a valid answer set");
}

/** A value (and an "other" comment where needed) that the SurveyJS page could produce for q. */
function answerFor(q: Question, rng: Rng, positiveBias: number): Record<string, unknown> {
  const type = q.getType();
  const name = q.getValueName();
  const comment = `${name}-Comment`;
  const anyQ = q as Question & Record<string, any>;
  const positive: unknown[] | undefined = Array.isArray(anyQ.positive) ? anyQ.positive : undefined;
  if (positive && positive.length > 0 && rng() < positiveBias) return { [name]: pick(rng, positive) };
  switch (type) {
    case "radiogroup":
    case "dropdown": {
      const item = pick(rng, anyQ.visibleChoices as { value: unknown }[]);
      const isOther = anyQ.showOtherItem && item.value === anyQ.otherItem?.value;
      return isOther ? { [name]: item.value, [comment]: "其他情况说明" } : { [name]: item.value };
    }
    case "checkbox":
    case "tagbox": {
      const choices = (anyQ.visibleChoices as { value: unknown }[]).filter(
        (c) => c.value !== anyQ.noneItem?.value && c.value !== anyQ.selectAllItem?.value,
      );
      const max = Math.min(choices.length, maxSelections(anyQ) ?? choices.length);
      const count = 1 + Math.floor(rng() * max);
      const chosen = [...choices].sort(() => rng() - 0.5).slice(0, count);
      const values = chosen.map((c) => c.value);
      const hasOther = anyQ.showOtherItem && values.includes(anyQ.otherItem?.value);
      return hasOther ? { [name]: values, [comment]: "其他原因" } : { [name]: values };
    }
    case "rating":
      return { [name]: pick(rng, anyQ.visibleRateValues as { value: unknown }[]).value };
    case "boolean":
      return { [name]: rng() < 0.5 };
    case "text": {
      if (anyQ.inputType === "number") {
        const min = anyQ.min !== undefined && anyQ.min !== "" ? Number(anyQ.min) : 0;
        const max = anyQ.max !== undefined && anyQ.max !== "" ? Number(anyQ.max) : min + 10;
        return { [name]: min + Math.floor(rng() * (Math.min(max, min + 20) - min + 1)) };
      }
      return { [name]: pick(rng, ["和平路12号", "无", "测试内容"]) };
    }
    case "comment":
      return { [name]: pick(rng, ["希望多组织社区活动", "环境卫生还需加强", "夜间照明不足"]) };
    default:
      return {};
  }
}

function maxSelections(q: Record<string, any>): number | undefined {
  if (q.maxSelectedChoices > 0) return q.maxSelectedChoices;
  for (const v of (q.validators ?? []) as Record<string, any>[]) {
    if (v.getType?.() === "answercountvalidator" && v.maxCount > 0) return v.maxCount;
  }
  return undefined;
}

export type MutationKind =
  | "missing_required"
  | "hidden_answered"
  | "unknown_choice"
  | "unknown_key"
  | "rating_out_of_range"
  | "wrong_type"
  | "too_long";

export interface Mutation {
  kind: MutationKind;
  question: string;
}

/**
 * Breaks a valid answer set in one way a hand-made request could, and names the question that
 * should now be refused. Returns null when the survey offers no place for that kind of break.
 */
export function mutateAnswers(
  json: object,
  answers: Record<string, unknown>,
  kind: MutationKind,
  rng: Rng,
): { answers: Record<string, unknown>; mutation: Mutation } | null {
  const model = modelFor(json);
  model.clear(true, true);
  model.data = answers;
  const all = model.getAllQuestions(false) as (Question & Record<string, any>)[];
  const visible = all.filter((q) => q.isVisible && q.isParentVisible);
  const out = structuredClone(answers);
  const choose = (list: (Question & Record<string, any>)[]) => (list.length ? pick(rng, list) : null);
  let target: (Question & Record<string, any>) | null = null;
  switch (kind) {
    case "missing_required":
      target = choose(visible.filter((q) => q.isRequired && !q.isEmpty()));
      if (target) delete out[target.getValueName()];
      break;
    case "hidden_answered":
      target = choose(
        all.filter((q) => (!q.isVisible || !q.isParentVisible) && ["radiogroup", "checkbox", "rating", "boolean"].includes(q.getType())),
      );
      if (target) {
        const t = target.getType();
        const first = target.choices?.[0]?.value;
        out[target.getValueName()] =
          t === "radiogroup"
            ? first
            : t === "checkbox"
              ? [first]
              : t === "rating"
                ? (target.rateValues?.[0]?.value ?? target.rateMin)
                : true;
      }
      break;
    case "unknown_choice":
      target = choose(visible.filter((q) => ["radiogroup", "dropdown"].includes(q.getType())));
      if (target) out[target.getValueName()] = "no_such_choice";
      break;
    case "unknown_key":
      out[`unknown_${Math.floor(rng() * 1e6)}`] = "x";
      return { answers: out, mutation: { kind, question: Object.keys(out).find((k) => k.startsWith("unknown_"))! } };
    case "rating_out_of_range":
      target = choose(visible.filter((q) => q.getType() === "rating"));
      if (target) {
        const values = (target.visibleRateValues as { value: number }[]).map((v) => v.value);
        out[target.getValueName()] = Math.max(...values) + 1 + Math.floor(rng() * 5);
      }
      break;
    case "wrong_type":
      target = choose(visible.filter((q) => ["radiogroup", "checkbox", "boolean", "text"].includes(q.getType())));
      if (target) out[target.getValueName()] = target.getType() === "checkbox" ? "not-an-array" : { nested: [1, 2] };
      break;
    case "too_long":
      target = choose(visible.filter((q) => q.getType() === "comment" && q.getMaxLength() > 0));
      if (target) out[target.getValueName()] = "长".repeat(target.getMaxLength() + 1);
      break;
  }
  return target ? { answers: out, mutation: { kind, question: target.getValueName() } } : null;
}
