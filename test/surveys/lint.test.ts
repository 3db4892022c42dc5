/**
 * Survey lint: every questionnaire in surveys/*.json must load cleanly in survey-core and carry
 * metric properties the server and the metric engine can trust (docs/design.md §5). Files are
 * discovered from disk, so a new questionnaire is linted without touching this test.
 */
import "../../surveys/properties";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConditionsParser, Model, QuestionBooleanModel, QuestionRatingModel, QuestionSelectBase, type Question } from "survey-core";
import { describe, expect, test } from "vitest";
import { METRICS, SINGLE_VALUED_TYPES } from "../../surveys/properties";

// SURVEY_LINT_DIR lints another folder (e.g. a deliberately broken copy, to see the lint fail).
const SURVEYS_DIR = process.env.SURVEY_LINT_DIR ?? fileURLToPath(new URL("../../surveys/", import.meta.url));
const FILES = readdirSync(SURVEYS_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

/** Types a questionnaire may use; matrices, uploads, signatures and dynamic panels are out. */
const ALLOWED_TYPES = new Set(["radiogroup", "dropdown", "checkbox", "boolean", "rating", "text", "comment", "html", "panel"]);
/** Elements that show content but take no answer, left out of the item count. */
const DISPLAY_ONLY = new Set(["html", "image", "panel"]);
const EXPRESSION_KEYS = new Set([
  "visibleIf",
  "enableIf",
  "requiredIf",
  "resetValueIf",
  "setValueIf",
  "defaultValueExpression",
  "choicesVisibleIf",
  "choicesEnableIf",
  "expression",
]);
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CHOICE_CODE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

type Json = Record<string, unknown>;

function load(file: string): { json: Json; model: Model } {
  const json = JSON.parse(readFileSync(join(SURVEYS_DIR, file), "utf8")) as Json;
  return { json, model: new Model(json) };
}

/** Every element object in the raw JSON (pages -> elements, recursively through panels). */
function rawElements(json: Json): Json[] {
  const out: Json[] = [];
  const walk = (elements: unknown) => {
    for (const el of (elements as Json[] | undefined) ?? []) {
      out.push(el);
      walk(el.elements);
    }
  };
  for (const page of (json.pages as Json[] | undefined) ?? []) walk(page.elements);
  return out;
}

/** [path, expression] for every logic expression anywhere in the JSON. */
function expressions(node: unknown, path = "$"): Array<[string, string]> {
  if (Array.isArray(node)) return node.flatMap((x, i) => expressions(x, `${path}[${i}]`));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node as Json).flatMap(
    ([k, v]): Array<[string, string]> =>
      EXPRESSION_KEYS.has(k) && typeof v === "string" ? [[`${path}.${k}`, v]] : expressions(v, `${path}.${k}`),
  );
}

function answerQuestions(model: Model): Question[] {
  return model.getAllQuestions().filter((q) => !DISPLAY_ONLY.has(q.getType()));
}

/** The values a single-valued question can hold: choices, boolean true/false, or rate values. */
function answerValues(q: Question): unknown[] {
  if (q instanceof QuestionRatingModel) return q.visibleRateValues.map((r) => r.value);
  if (q instanceof QuestionBooleanModel) return [q.getValueTrue(), q.getValueFalse()];
  if (q instanceof QuestionSelectBase) return [...q.choices, ...q.visibleChoices].map((c) => c.value);
  return [];
}

const prop = (q: Question, name: string): unknown => q.getPropertyValue(name);
const metricQuestions = (model: Model) => answerQuestions(model).filter((q) => prop(q, "metric") !== undefined);
/** Shown to the respondent: its own visibleIf and its page's (isVisible ignores the page). */
const shown = (q: Question) => q.isVisible && q.isParentVisible;

test("surveys/ holds the three questionnaires", () => {
  expect(FILES).toEqual(expect.arrayContaining(["parent.json", "resident.json", "shopkeeper.json"]));
});

describe.each(FILES)("%s", (file) => {
  const audience = basename(file, ".json");
  const { json, model } = load(file);

  test("loads in survey-core without JSON errors", () => {
    expect(model.jsonErrors ?? []).toEqual([]);
    expect(model.getAllQuestions().length).toBeGreaterThan(0);
  });

  test("top level: audience, Chinese plain-string texts, progress bar over several pages", () => {
    expect(json.audience).toBe(audience);
    expect(model.getPropertyValue("audience")).toBe(audience);
    for (const key of ["title", "description", "completedHtml"]) {
      expect(typeof json[key], key).toBe("string");
      expect(json[key] as string, key).toMatch(/\p{Script=Han}/u);
    }
    expect(json.locale).toBeUndefined();
    expect(json.showProgressBar).toBe("top");
    expect(model.showProgressBar).toBe(true);
    expect((json.pages as Json[]).length).toBeGreaterThanOrEqual(4);
    expect(json).not.toHaveProperty("choicesByUrl");
  });

  test("question names are unique snake_case; 15-30 items; only allowed types", () => {
    const names = rawElements(json).map((el) => el.name as string);
    const dupes = names.filter((n, i) => names.indexOf(n) !== i);
    expect(dupes).toEqual([]);
    for (const n of names) expect(n).toMatch(SNAKE_CASE);
    for (const el of rawElements(json)) {
      expect(ALLOWED_TYPES, `${el.name as string}: ${el.type as string}`).toContain(el.type);
      expect(el, el.name as string).not.toHaveProperty("choicesByUrl");
    }
    const count = answerQuestions(model).length;
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(30);
  });

  test("choice values are short ASCII codes with Chinese texts", () => {
    for (const q of answerQuestions(model)) {
      if (!(q instanceof QuestionSelectBase)) continue;
      expect(q.choices.length, q.name).toBeGreaterThan(0);
      for (const c of q.choices) {
        expect(String(c.value), `${q.name}: ${String(c.value)}`).toMatch(CHOICE_CODE);
        expect(String(c.value).length, `${q.name}: ${String(c.value)}`).toBeLessThanOrEqual(24);
        expect(c.text, `${q.name}: ${String(c.value)}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  test("every logic expression parses and refers only to known names", () => {
    const known = new Set([...model.getAllQuestions().map((q) => q.name), ...model.calculatedValues.map((c) => c.name)]);
    const parser = new ConditionsParser();
    const found = expressions(json);
    for (const [path, expr] of found) {
      const operand = parser.parseExpression(expr);
      expect(operand, `${path}: ${expr}`).toBeTruthy();
      const vars: string[] = [];
      operand?.setVariables(vars);
      for (const v of vars) expect(known, `${path}: {${v}}`).toContain(v.replace(/-Comment$/, "").split(/[.[]/)[0]);
    }
  });

  test("metric questions: valid metric, single-valued, required, positive/excluded/scores among the values", () => {
    const metrics = metricQuestions(model);
    expect(metrics.length).toBeGreaterThan(0);
    for (const q of metrics) {
      const where = `${audience}.${q.name}`;
      expect(METRICS, where).toContain(prop(q, "metric"));
      expect(SINGLE_VALUED_TYPES as readonly string[], where).toContain(q.getType());
      expect(q.isRequired, `${where} isRequired`).toBe(true);
      const values = answerValues(q);
      const positive = prop(q, "positive");
      expect(Array.isArray(positive) && positive.length > 0, `${where} positive`).toBe(true);
      for (const v of positive as unknown[]) expect(values, `${where} positive ${String(v)}`).toContain(v);
      const excluded = prop(q, "excluded");
      if (excluded !== undefined) {
        expect(Array.isArray(excluded), `${where} excluded`).toBe(true);
        for (const v of excluded as unknown[]) {
          expect(values, `${where} excluded ${String(v)}`).toContain(v);
          expect(positive as unknown[], `${where} ${String(v)} both positive and excluded`).not.toContain(v);
        }
      }
      const scores = prop(q, "scores");
      if (scores !== undefined) {
        expect(prop(q, "metric"), `${where} scores`).toBe("satisfaction");
        expect(typeof scores === "object" && scores !== null && !Array.isArray(scores), `${where} scores`).toBe(true);
        const keys = values.map(String);
        for (const [k, s] of Object.entries(scores as Record<string, unknown>)) {
          expect(keys, `${where} scores key ${k}`).toContain(k);
          expect(typeof s === "number" && s >= 0 && s <= 100, `${where} scores[${k}] = ${String(s)}`).toBe(true);
        }
      }
    }
  });

  test("only metric questions carry positive, excluded or scores", () => {
    for (const q of answerQuestions(model)) {
      if (prop(q, "metric") !== undefined) continue;
      for (const p of ["positive", "excluded", "scores"]) expect(prop(q, p), `${q.name}.${p}`).toBeUndefined();
    }
  });

  test("each of the four metrics has at least two questions", () => {
    const counts = Object.fromEntries(METRICS.map((m) => [m, 0]));
    for (const q of metricQuestions(model)) counts[prop(q, "metric") as string]! += 1;
    for (const m of METRICS) expect(counts[m], m).toBeGreaterThanOrEqual(2);
  });

  test("a respondent giving positive answers can complete it (validate passes)", () => {
    const m = new Model(json);
    m.data = audience === "resident" ? { age_band: "30_39", residence_years: "over10" } : {};
    fillVisible(m);
    expect(m.validate(true, false), JSON.stringify(invalid(m))).toBe(true);
    expect(
      metricQuestions(m)
        .filter((q) => !q.visibleIf && !shown(q))
        .map((q) => q.name),
    ).toEqual([]);
  });
});

/** Answers every shown, unanswered question (positive answer for metrics) until nothing changes. */
function fillVisible(m: Model): void {
  for (let round = 0; round < 10; round++) {
    const todo = answerQuestions(m).filter((q) => shown(q) && q.isEmpty());
    if (todo.length === 0) return;
    for (const q of todo) {
      const positive = prop(q, "positive") as unknown[] | undefined;
      if (positive?.length) q.value = positive[0];
      else if (q.getType() === "checkbox") q.value = [answerValues(q)[0]];
      else if (q instanceof QuestionSelectBase || q instanceof QuestionRatingModel) q.value = answerValues(q)[0];
      else if (q instanceof QuestionBooleanModel) q.value = true;
      else if (q.getType() === "text") q.value = q.getPropertyValue("min") ?? "1";
      else q.value = "无";
    }
  }
}

function invalid(m: Model) {
  return m
    .getAllQuestions(true)
    .filter((q) => q.errors.length)
    .map((q) => [q.name, q.errors.map((e) => e.getText())]);
}

describe("resident eligibility screen (18-65 years old, resident at least half a year)", () => {
  const file = "resident.json";
  const ineligible = [{ age_band: "under18" }, { age_band: "over65" }, { age_band: "18_29", residence_years: "lt_half" }];
  const eligible = [
    { age_band: "18_29", residence_years: "half_1" },
    { age_band: "50_65", residence_years: "over10" },
  ];

  test.each(ineligible)("%o: later pages and all metric questions hidden, thank-you shown, completable", (data) => {
    const { model } = load(file);
    model.data = data;
    const metrics = metricQuestions(model);
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.filter(shown).map((q) => q.name)).toEqual([]);
    expect(model.visiblePages.map((p) => p.name)).toEqual(["profile"]);
    expect(shown(model.getQuestionByName("ineligible_note"))).toBe(true);
    expect(model.validate(true, false), JSON.stringify(invalid(model))).toBe(true);
  });

  test.each(eligible)("%o: metric questions visible, no thank-you note", (data) => {
    const { model } = load(file);
    model.data = data;
    // A metric follow-up with its own visibleIf may stay hidden; its page must not.
    const metrics = metricQuestions(model);
    expect(metrics.filter((q) => !q.isParentVisible).map((q) => q.name)).toEqual([]);
    expect(metrics.filter((q) => !q.visibleIf && !shown(q)).map((q) => q.name)).toEqual([]);
    expect(model.visiblePages.length).toBeGreaterThanOrEqual(5);
    expect(shown(model.getQuestionByName("ineligible_note"))).toBe(false);
    expect(model.validate(true, false)).toBe(false); // metric questions are required
  });

  test("before the age is answered the survey is not screened out", () => {
    const { model } = load(file);
    expect(shown(model.getQuestionByName("ineligible_note"))).toBe(false);
    expect(metricQuestions(model).every(shown)).toBe(true);
  });
});
