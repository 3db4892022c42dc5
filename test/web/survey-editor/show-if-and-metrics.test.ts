import { describe, expect, it } from "vitest";
import { ConditionsParser } from "survey-core";
import resident from "../../../surveys/resident.json";
import { metricTags, setExcluded, setMetric, setPositive, setScore } from "../../../web/features/survey-editor/lib/metric-tags";
import { buildShowIf, parseShowIf, type ShowIfRule } from "../../../web/features/survey-editor/lib/show-if";
import { allElements, findElement, type SurveyJson } from "../../../web/features/survey-editor/lib/survey-json";

const shipped = resident as SurveyJson;
const el = (json: SurveyJson, name: string) => findElement(json, name)!.element;

describe("show-if builder", () => {
  const cases: [ShowIfRule, string][] = [
    [{ question: "knows_campaign", values: ["yes"], negate: false }, "{knows_campaign} = 'yes'"],
    [{ question: "age_band", values: ["under18", "over65"], negate: true }, "{age_band} noneof ['under18', 'over65']"],
    [{ question: "age_band", values: ["18_29", "30_39"], negate: false }, "{age_band} anyof ['18_29', '30_39']"],
    [{ question: "registered_volunteer", values: [true], negate: false }, "{registered_volunteer} = true"],
    [{ question: "overall_rating", values: [1], negate: true }, "{overall_rating} <> 1"],
    [{ question: "q", values: ["it's"], negate: false }, "{q} = 'it\\'s'"],
  ];
  it.each(cases)("builds %j as %s and reads it back", (rule, expression) => {
    expect(buildShowIf(rule)).toBe(expression);
    expect(parseShowIf(expression)).toEqual(rule);
  });
  it("builds expressions survey-core parses", () => {
    for (const [rule] of cases) expect(new ConditionsParser().parseExpression(buildShowIf(rule))).not.toBeNull();
  });
  it("gives no rule for an empty pick", () => {
    expect(buildShowIf({ question: "knows_campaign", values: [], negate: false })).toBe("");
  });
  it("reads the hand-written forms of the shipped surveys it can show, and leaves the rest raw", () => {
    expect(parseShowIf("{knows_campaign} = 'yes'")).toEqual({ question: "knows_campaign", values: ["yes"], negate: false });
    expect(parseShowIf('{joined_activities} == "never"')).toEqual({ question: "joined_activities", values: ["never"], negate: false });
    expect(parseShowIf("{ineligible} <> true")).toEqual({ question: "ineligible", values: [true], negate: true });
    expect(parseShowIf("{overall_rating} notempty and {overall_rating} <= 2")).toBeNull();
    expect(parseShowIf("{a} = 'x' or {b} = 'y'")).toBeNull();
    expect(parseShowIf("")).toBeNull();
    expect(parseShowIf(undefined)).toBeNull();
  });
  it("round-trips every builder-shaped visibleIf in the shipped survey", () => {
    for (const e of allElements(shipped)) {
      const rule = parseShowIf(e.visibleIf);
      if (rule) expect(parseShowIf(buildShowIf(rule))).toEqual(rule);
    }
  });
});

describe("metric tags", () => {
  it("reads a shipped question's tags", () => {
    expect(metricTags(el(shipped, "sat_environment"))).toEqual({
      metric: "satisfaction",
      positive: ["vs", "s"],
      excluded: [],
      scores: { vs: 100, s: 80, n: 60, d: 40, vd: 0 },
    });
  });
  it("tags a question, keeps positive in the order of the choices, and untags it completely", () => {
    let json = setMetric(shipped, "sees_psa", null);
    expect(metricTags(el(json, "sees_psa")).metric).toBeNull();
    expect(["positive", "excluded", "scores"].filter((k) => k in el(json, "sees_psa"))).toEqual([]);
    json = setMetric(json, "core_values_24", "support");
    json = setPositive(json, "core_values_24", ["partial", "full"]);
    expect(el(json, "core_values_24")).toMatchObject({ metric: "support", positive: ["full", "partial"] });
  });
  it("refuses a metric on a multi-valued question", () => {
    expect(() => setMetric(shipped, "info_source", "awareness")).toThrow();
  });
  it("never lets a value be positive and excluded at once", () => {
    let json = setExcluded(shipped, "sat_environment", ["unknown", "s"]);
    expect(el(json, "sat_environment")).toMatchObject({ positive: ["vs"], excluded: ["s", "unknown"] });
    json = setPositive(json, "sat_environment", ["vs", "s"]);
    expect(el(json, "sat_environment")).toMatchObject({ positive: ["vs", "s"], excluded: ["unknown"] });
    json = setExcluded(json, "sat_environment", []);
    expect("excluded" in el(json, "sat_environment")).toBe(false);
  });
  it("sets and clears scores within 0–100, and drops them when the metric is not satisfaction", () => {
    let json = setScore(shipped, "sat_environment", "unknown", 50);
    expect((el(json, "sat_environment").scores as Record<string, number>).unknown).toBe(50);
    json = setScore(json, "sat_environment", "unknown", null);
    expect(el(json, "sat_environment").scores).toEqual({ vs: 100, s: 80, n: 60, d: 40, vd: 0 });
    expect(() => setScore(json, "sat_environment", "vs", 120)).toThrow();
    expect("scores" in el(setMetric(json, "sat_environment", "support"), "sat_environment")).toBe(false);
  });
});
