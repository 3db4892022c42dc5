/**
 * The survey lint service (issue 17) says no to each thing the shipped files are held to
 * (test/surveys/lint.test.ts), in Chinese, naming the question: one broken copy of the resident
 * survey per rule. The item bank and the templates pass it.
 */
import { describe, expect, it } from "vitest";
import { shippedSurveys } from "../../../surveys/index";
import { lintSurvey } from "../../../server/services/surveys/lint/lint-survey";
import { meaningChanged } from "../../../server/services/surveys/lint/meaning-change";
import { ITEM_BANK, listTemplates, templateJson } from "../../../server/services/surveys/drafts/templates";

type Json = Record<string, any>;
const resident = () => structuredClone(shippedSurveys.find((s) => s.id === "resident")!.json) as Json;
/** The element called `name` in a JSON copy, to break it in place. */
function element(json: Json, name: string): Json {
  for (const page of json.pages) {
    const found = (page.elements as Json[]).find((e) => e.name === name);
    if (found) return found;
  }
  throw new Error(name);
}
const errors = (json: Json) => lintSurvey(json, { audience: "resident" }).filter((p) => p.level === "error");
const codes = (json: Json) => errors(json).map((p) => `${p.code}:${p.question ?? ""}`);

describe("survey lint: each rule fires on a broken copy", () => {
  const cases: [string, (j: Json) => void, string][] = [
    ["duplicate names", (j) => (element(j, "sees_psa").name = "knows_campaign"), "duplicate_name:knows_campaign"],
    ["a name that is not snake_case", (j) => (element(j, "sees_psa").name = "SeesPsa"), "name_format:SeesPsa"],
    ["a type outside the allowed ones", (j) => (element(j, "suggestions").type = "signaturepad"), "type_not_allowed:suggestions"],
    [
      "a choice value that is no code",
      (j) => (element(j, "knows_campaign").choices[0].value = "Yes!"),
      "choice_value_format:knows_campaign",
    ],
    ["a multi-valued metric question", (j) => (element(j, "sees_psa").type = "checkbox"), "metric_multi_valued:sees_psa"],
    ["a metric question that is not required", (j) => (element(j, "sees_psa").isRequired = false), "metric_not_required:sees_psa"],
    ["a metric question with no positive choice", (j) => (element(j, "knows_campaign").positive = []), "metric_no_positive:knows_campaign"],
    [
      "a positive value not among the choices",
      (j) => (element(j, "knows_campaign").positive = ["maybe"]),
      "positive_not_choice:knows_campaign",
    ],
    ["an excluded value also positive", (j) => (element(j, "sat_environment").excluded = ["vs"]), "positive_and_excluded:sat_environment"],
    [
      "an excluded value not among the choices",
      (j) => (element(j, "sat_environment").excluded = ["dk"]),
      "excluded_not_choice:sat_environment",
    ],
    [
      "scores on a non-satisfaction metric",
      (j) => (element(j, "knows_campaign").scores = { yes: 100 }),
      "scores_not_satisfaction:knows_campaign",
    ],
    ["a score out of range", (j) => (element(j, "sat_environment").scores.vs = 120), "scores_range:sat_environment"],
    ["an unknown metric", (j) => (element(j, "sees_psa").metric = "happiness"), "metric_unknown:sees_psa"],
    ["metric tags on a question that is no metric", (j) => (element(j, "info_source").positive = ["tv"]), "tag_without_metric:info_source"],
    [
      "an expression that does not parse",
      (j) => (element(j, "info_source").visibleIf = "{knows_campaign} = = 'yes'"),
      "expression_syntax:info_source",
    ],
    [
      "an expression naming no question",
      (j) => (element(j, "info_source").visibleIf = "{knows_campain} = 'yes'"),
      "expression_unknown_name:info_source",
    ],
    ["an audience that changed", (j) => (j.audience = "parent"), "audience_changed:"],
    ["no title", (j) => delete j.title, "title_missing:"],
    ["a locale", (j) => (j.locale = "en"), "locale_set:"],
    [
      "a metric page nobody can reach",
      (j) => (j.pages.find((p: Json) => p.name === "support").visibleIf = "{age_band} = 'nobody'"),
      "metric_unreachable:supports_campaign",
    ],
    [
      "a required question nobody can answer",
      (j) => (element(j, "household_size").validators = [{ type: "numeric", minValue: 1000, text: "人数过多" }]),
      "not_completable:household_size",
    ],
  ];
  it.each(cases)("%s", (_what, breakIt, expected) => {
    const json = resident();
    breakIt(json);
    expect(codes(json)).toContain(expected);
    for (const p of errors(json)) expect(p.message).toMatch(/\p{Script=Han}/u);
  });

  it("the unbroken copy has no problem at all", () => {
    expect(lintSurvey(resident(), { audience: "resident" })).toEqual([]);
  });

  it("a feature the compiled validator does not model: a warning that answers take the slower survey-core check", () => {
    const json = resident();
    element(json, "info_source").enableIf = "{knows_campaign} = 'yes'";
    const problems = lintSurvey(json, { audience: "resident" });
    expect(problems.map((p) => [p.level, p.code])).toEqual([["warning", "validator_fallback"]]);
  });

  it("style findings are warnings that do not stop a publish: few items, a metric with one question", () => {
    const json = resident();
    json.pages = json.pages.filter((p: Json) => ["profile", "awareness", "support"].includes(p.name));
    const problems = lintSurvey(json, { audience: "resident" });
    expect(problems.filter((p) => p.level === "error")).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(["item_count", "metric_coverage", "few_pages"]));
  });
});

describe("meaning changes against the published version", () => {
  it("choices or positive values of a metric question changed: a warning naming it", () => {
    const published = resident();
    const draft = resident();
    element(draft, "sat_environment").positive = ["vs"];
    element(draft, "knows_campaign").choices.push({ value: "heard", text: "听说过" });
    expect(meaningChanged(published, draft).sort()).toEqual(["knows_campaign", "sat_environment"]);
    const warnings = lintSurvey(draft, { audience: "resident", published }).filter((p) => p.code === "metric_meaning_changed");
    expect(warnings.map((w) => [w.level, w.question])).toEqual([
      ["warning", "knows_campaign"],
      ["warning", "sat_environment"],
    ]);
  });

  it("a reworded label keeps the stored value and the meaning: no warning", () => {
    const published = resident();
    const draft = resident();
    element(draft, "knows_campaign").choices[0].text = "知道（听说过）";
    element(draft, "knows_campaign").title = "您知道本市正在创建全国文明城市吗？";
    expect(meaningChanged(published, draft)).toEqual([]);
    expect(lintSurvey(draft, { audience: "resident", published })).toEqual([]);
  });
});

describe("item bank and templates", () => {
  it("holds tagged items of all four metrics for every audience", () => {
    for (const audience of ["resident", "shopkeeper", "parent"]) {
      const metrics = new Set(ITEM_BANK.filter((i) => i.audience.includes(audience)).map((i) => i.metric));
      expect([...metrics].sort(), audience).toEqual(["awareness", "participation", "satisfaction", "support"]);
    }
    expect(new Set(ITEM_BANK.map((i) => i.id)).size).toBe(ITEM_BANK.length);
  });

  it.each(["resident", "shopkeeper", "parent"])("every %s item passes the lint when added to that survey", (audience) => {
    for (const item of ITEM_BANK.filter((i) => i.audience.includes(audience))) {
      const json = structuredClone(shippedSurveys.find((s) => s.id === audience)!.json) as Json;
      const page = json.pages.find((p: Json) => p.name === item.metric) ?? json.pages.at(-1);
      page.elements.push(structuredClone(item.element));
      const problems = lintSurvey(json, { audience }).filter((p) => p.level === "error");
      expect(problems, `${item.id} in ${audience}`).toEqual([]);
      expect(item.element.metric, item.id).toBe(item.metric);
    }
  });

  it("every template is a survey without errors", () => {
    expect(listTemplates().map((t) => t.id)).toEqual(["resident", "shopkeeper", "parent", "parent-winter"]);
    for (const t of listTemplates()) {
      expect(
        lintSurvey(templateJson(t.id)!, { audience: t.audience }).filter((p) => p.level === "error"),
        t.id,
      ).toEqual([]);
    }
  });
});

describe("whatever an editor sends, the lint answers with problems, never throws", () => {
  const broken: Json[] = [
    {},
    { pages: "x" },
    { pages: [null, 1, "p"] },
    { pages: [{ name: "p", elements: [null, 3, { type: "radiogroup" }] }] },
    {
      audience: "resident",
      pages: [{ name: "p", elements: [{ type: "radiogroup", name: "a", choices: "abc", metric: "awareness", positive: "yes" }] }],
    },
    {
      audience: "resident",
      pages: [{ name: "p", elements: [{ type: "rating", name: "a", metric: "satisfaction", positive: [5], scores: [1, 2] }] }],
    },
    {
      audience: "resident",
      pages: [{ name: "p", elements: [{ type: "panel", name: "box", elements: [{ type: "text", name: "b", visibleIf: "{" }] }] }],
    },
    { audience: 7, title: { "zh-cn": "标题" }, pages: [{ elements: [{ type: "checkbox", name: "c", choices: [{ value: null }, {}] }] }] },
  ];
  it.each(broken.map((j, i) => [i, j]))("case %i", (_i, json) => {
    const problems = lintSurvey(json as Json, { audience: "resident", published: resident() });
    expect(problems.filter((p) => p.level === "error").length).toBeGreaterThan(0);
    for (const p of problems) expect(typeof p.message).toBe("string");
  });
});
