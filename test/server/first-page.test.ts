/**
 * The light first page (surveys/first-page.ts, issue 18): which questions of a first page plain
 * HTML may show before SurveyJS has loaded, and the answers read back from its form.
 */
import { describe, expect, it } from "vitest";
import { lightAnswers, lightFirstPage } from "../../surveys/first-page";
import { shippedSurveys } from "../../surveys/index";

const json = (id: string) => shippedSurveys.find((s) => s.id === id)!.json as Record<string, unknown>;
const names = (id: string) => lightFirstPage(json(id))?.questions.map((q) => q.name);

describe("lightFirstPage", () => {
  it("takes the shipped surveys' leading questions up to the first condition", () => {
    // resident: 居住时间 shows only for some ages (visibleIf), so the age question alone.
    expect(names("resident")).toEqual(["age_band"]);
    expect(names("parent")).toEqual(["relation", "grade_band", "children_in_school"]);
    expect(names("shopkeeper")).toEqual(["shop_type", "operating_years", "respondent_role", "staff_count"]);
    const page = lightFirstPage(json("resident"))!;
    expect(page).toMatchObject({ surveyTitle: json("resident").title, pageTitle: "基本情况", numbered: true });
    expect(page.questions[0]).toMatchObject({ kind: "radiogroup", title: "您的年龄是？", required: true });
    expect(lightFirstPage(json("parent"))!.questions[2]).toEqual({
      kind: "text",
      name: "children_in_school",
      title: "您家有几个孩子正在上学（含幼儿园）？（选填）",
      required: false,
      inputType: "number",
      min: 1,
      max: 10,
      step: 1,
    });
  });

  it("stops at what only SurveyJS can show", () => {
    const radio = { type: "radiogroup", name: "a", title: "A", choices: ["x", "y"] };
    const page = (elements: unknown[], extra: Record<string, unknown> = {}) => ({ ...extra, pages: [{ elements }] });
    const light = (elements: unknown[], extra?: Record<string, unknown>) =>
      lightFirstPage(page(elements, extra))?.questions.map((q) => q.name) ?? null;
    expect(light([radio, { ...radio, name: "b" }])).toEqual(["a", "b"]);
    expect(light([radio, { ...radio, name: "b", visibleIf: "{a} = 'x'" }])).toEqual(["a"]);
    expect(light([radio, { ...radio, name: "b", showOtherItem: true }])).toEqual(["a"]);
    expect(light([radio, { type: "rating", name: "r" }, { ...radio, name: "c" }])).toEqual(["a"]);
    expect(light([radio, { ...radio, name: "b", choices: [{ value: "x", visibleIf: "{a} = 1" }] }])).toEqual(["a"]);
    expect(light([radio, { ...radio, name: "b", title: { default: "B", "zh-cn": "乙" } }])).toEqual(["a"]);
    expect(light([{ type: "html", name: "h", html: "<p>hi</p>" }, radio])).toBeNull();
    expect(light([{ ...radio, visibleIf: "true" }])).toBeNull();
    expect(light([radio], { questionsOrder: "random" })).toBeNull();
    expect(light([radio], { showQuestionNumbers: "recursive" })).toBeNull();
    expect(lightFirstPage(page([radio]))?.numbered).toBe(false);
    expect(lightFirstPage(page([radio], { showQuestionNumbers: "onPage" }))?.numbered).toBe(true);
    expect(lightFirstPage({ pages: [{ visibleIf: "{x} = 1", elements: [radio] }] })).toBeNull();
    expect(lightFirstPage({ pages: [] })).toBeNull();
  });

  it("reads answers back in SurveyJS's shape: a choice's own value, numbers as numbers, empty as none", () => {
    const page = lightFirstPage({
      pages: [
        {
          elements: [
            {
              type: "radiogroup",
              name: "r",
              choices: [
                { value: 1, text: "一" },
                { value: "two", text: "二" },
              ],
            },
            { type: "checkbox", name: "c", choices: ["a", "b", "c"] },
            { type: "text", name: "n", inputType: "number" },
            { type: "text", name: "t" },
            { type: "text", name: "empty" },
          ],
        },
      ],
    })!;
    const form: Record<number, string[]> = { 0: ["0"], 1: ["0", "2"], 2: [" 12 "], 3: ["你好"], 4: [""] };
    expect(lightAnswers(page, (i) => form[i] ?? [])).toEqual({ r: 1, c: ["a", "c"], n: 12, t: "你好" });
    // Nothing ticked, an index the page never had, a number that is not one: no answer.
    expect(lightAnswers(page, (i) => ({ 0: ["7"], 2: ["abc"] })[i] ?? [])).toEqual({});
  });
});
