/**
 * Survey lint: every questionnaire in surveys/*.json must load cleanly in survey-core and carry
 * metric properties the server and the metric engine can trust (docs/design.md §5). The rules live
 * in the lint service (server/services/surveys/lint/), which the questionnaire editor applies to
 * drafts before publishing (issue 17); here each shipped file must pass it without a single error
 * or warning. Files are discovered from disk, so a new questionnaire is linted without touching
 * this test. test/server/survey-lint.test.ts shows each rule firing on a broken copy.
 */
import "../../surveys/properties";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Model } from "survey-core";
import { describe, expect, test } from "vitest";
import { lintSurvey } from "../../server/services/surveys/lint/lint-survey";
import { metricQuestions, shown } from "../../server/services/surveys/lint/survey-walk";

// SURVEY_LINT_DIR lints another folder (e.g. a deliberately broken copy, to see the lint fail).
const SURVEYS_DIR = process.env.SURVEY_LINT_DIR ?? fileURLToPath(new URL("../../surveys/", import.meta.url));
const FILES = readdirSync(SURVEYS_DIR)
  .filter((f) => f.endsWith(".json") && f !== "item-bank.json")
  .sort();

type Json = Record<string, unknown>;

function load(file: string): { json: Json; model: Model } {
  const json = JSON.parse(readFileSync(join(SURVEYS_DIR, file), "utf8")) as Json;
  return { json, model: new Model(json) };
}

test("surveys/ holds the three questionnaires", () => {
  expect(FILES).toEqual(expect.arrayContaining(["parent.json", "resident.json", "shopkeeper.json"]));
});

describe.each(FILES)("%s", (file) => {
  const audience = basename(file, ".json");
  const { json } = load(file);

  test("passes every rule of the survey lint: no error, no warning", () => {
    // Loads without JSON errors; audience = file name; Chinese title, description, completedHtml;
    // no locale; progress bar on top; >= 4 pages; unique snake_case names of allowed types;
    // 15-30 items; choice codes with Chinese texts; expressions that parse and name known
    // questions; metric questions valid, single-valued, required, positive/excluded/scores among
    // their values; tags only on metric questions; >= 2 questions per metric; completable by a
    // respondent answering positively, with every unconditioned metric question shown.
    expect(lintSurvey(json, { audience })).toEqual([]);
  });
});

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
