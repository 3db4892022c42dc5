import { describe, expect, it } from "vitest";
import resident from "../../../surveys/resident.json";
import { addChoice, answerOptions, moveChoice, removeChoice, renameChoice } from "../../../web/features/survey-editor/lib/choices";
import { maxSelected, numberRange, setMaxSelected, setNumberRange } from "../../../web/features/survey-editor/lib/limits";
import { addPage, movePage, removePage, setPageText } from "../../../web/features/survey-editor/lib/pages";
import {
  addQuestion,
  moveQuestion,
  newQuestion,
  removeQuestion,
  renameQuestion,
  setQuestionProps,
} from "../../../web/features/survey-editor/lib/questions";
import { allQuestions, findElement, type SurveyJson } from "../../../web/features/survey-editor/lib/survey-json";

const shipped = resident as SurveyJson;
const el = (json: SurveyJson, name: string) => findElement(json, name)!.element;
const pageOf = (json: SurveyJson, name: string) => findElement(json, name)!.page.name;
const namesOn = (json: SurveyJson, page: string) => json.pages!.find((p) => p.name === page)!.elements!.map((e) => e.name);

describe("operations leave their input as it was", () => {
  it("every operation returns a new survey and never touches the one it was given", () => {
    const before = JSON.stringify(shipped);
    renameChoice(shipped, "knows_campaign", "yes", "听说过");
    removeChoice(shipped, "core_values_24", "partial");
    setQuestionProps(shipped, "knows_campaign", { title: "新标题", isRequired: false });
    moveQuestion(shipped, "age_band", 1);
    removePage(shipped, "profile");
    setMaxSelected(shipped, "info_source", 2, (n) => `最多选择${n}项`);
    expect(JSON.stringify(shipped)).toBe(before);
  });
});

describe("pages", () => {
  it("adds a page with a fresh name, retitles, moves and removes it", () => {
    const { json, name } = addPage(shipped, "垃圾分类");
    expect(name).not.toBe("");
    expect(json.pages!.map((p) => p.name)).toContain(name);
    expect(new Set(json.pages!.map((p) => p.name)).size).toBe(json.pages!.length);
    const retitled = setPageText(json, name, { title: "垃圾分类专项", description: "" });
    const page = retitled.pages!.find((p) => p.name === name)!;
    expect(page.title).toBe("垃圾分类专项");
    expect("description" in page).toBe(false);
    const moved = movePage(retitled, name, -1);
    expect(moved.pages!.at(-2)!.name).toBe(name);
    expect(movePage(moved, moved.pages![0]!.name, -1)).toBe(moved);
    expect(removePage(moved, name).pages!.map((p) => p.name)).toEqual(shipped.pages!.map((p) => p.name));
  });
  it("keeps the last page: a survey without pages does not load", () => {
    const one: SurveyJson = { pages: [{ name: "p1", elements: [] }] };
    expect(removePage(one, "p1")).toBe(one);
  });
});

describe("questions", () => {
  it("adds a question at the end of a page, renaming it when the name is taken", () => {
    const q = newQuestion("radiogroup", "knows_campaign", "您知道垃圾分类吗？", (n) => `选项${n}`);
    const { json, name } = addQuestion(shipped, "awareness", q);
    expect(name).toBe("knows_campaign_2");
    expect(namesOn(json, "awareness").at(-1)).toBe("knows_campaign_2");
    expect(allQuestions(json).length).toBe(allQuestions(shipped).length + 1);
    expect(el(json, "knows_campaign_2").choices).toEqual([
      { value: "opt1", text: "选项1" },
      { value: "opt2", text: "选项2" },
    ]);
  });
  it("moves within a page, then across the page boundary, and stops at the survey's ends", () => {
    const firstOnAwareness = namesOn(shipped, "awareness")[0]!;
    const up = moveQuestion(shipped, firstOnAwareness, -1);
    expect(pageOf(up, firstOnAwareness)).toBe("profile");
    expect(namesOn(up, "profile").at(-1)).toBe(firstOnAwareness);
    const down = moveQuestion(shipped, "age_band", 1);
    expect(namesOn(down, "profile").slice(0, 2)).toEqual(["residence_years", "age_band"]);
    expect(moveQuestion(shipped, "age_band", -1)).toBe(shipped);
  });
  it("sets title, description and 必答, and removes them when cleared", () => {
    const json = setQuestionProps(shipped, "knows_campaign", { title: "您是否知道创文？", description: "单选", isRequired: false });
    expect(el(json, "knows_campaign")).toMatchObject({ title: "您是否知道创文？", description: "单选" });
    expect("isRequired" in el(json, "knows_campaign")).toBe(false);
    const cleared = setQuestionProps(json, "knows_campaign", { description: "", isRequired: true });
    expect("description" in el(cleared, "knows_campaign")).toBe(false);
    expect(el(cleared, "knows_campaign").isRequired).toBe(true);
  });
  it("removes a question", () => {
    const json = removeQuestion(shipped, "sees_psa");
    expect(findElement(json, "sees_psa")).toBeNull();
    expect(allQuestions(json).length).toBe(allQuestions(shipped).length - 1);
  });
  it("renames a new question and every expression that names it, and nothing that only starts alike", () => {
    const json: SurveyJson = {
      calculatedValues: [{ name: "c", expression: "{q1} = 'a' and {q10} = 'b'" }],
      pages: [
        {
          name: "p1",
          elements: [
            { type: "radiogroup", name: "q1", choices: ["a"] },
            { type: "text", name: "q10" },
          ],
        },
        { name: "p2", visibleIf: "{q1} notempty", elements: [{ type: "text", name: "q2", visibleIf: "{q1} anyof ['a']" }] },
      ],
    };
    const renamed = renameQuestion(json, "q1", "sort_waste");
    expect(JSON.stringify(renamed)).not.toContain("{q1}");
    expect((renamed.calculatedValues as { expression: string }[])[0]!.expression).toBe("{sort_waste} = 'a' and {q10} = 'b'");
    expect(renamed.pages![1]!.visibleIf).toBe("{sort_waste} notempty");
    expect(el(renamed, "q2").visibleIf).toBe("{sort_waste} anyof ['a']");
    expect(() => renameQuestion(json, "q1", "q10")).toThrow();
  });
});

describe("choices: the stored value never changes", () => {
  it("renames a label and keeps the value, the positive tag and every other choice", () => {
    const json = renameChoice(shipped, "knows_campaign", "yes", "听说过");
    expect(el(json, "knows_campaign").choices).toEqual([
      { value: "yes", text: "听说过" },
      { value: "no", text: "不知道" },
    ]);
    expect(el(json, "knows_campaign").positive).toEqual(["yes"]);
  });
  it("adds a choice with a value no other choice has", () => {
    const once = addChoice(shipped, "knows_campaign", "听说过");
    const twice = addChoice(once.json, "knows_campaign", "很清楚");
    expect(once.value).not.toBe(twice.value);
    expect(answerOptions(el(twice.json, "knows_campaign")).map((o) => o.text)).toEqual(["知道", "不知道", "听说过", "很清楚"]);
  });
  it("removes a choice together with its metric tags and score", () => {
    const json = removeChoice(shipped, "sat_environment", "s");
    const q = el(json, "sat_environment");
    expect(answerOptions(q).map((o) => o.value)).toEqual(["vs", "n", "d", "vd", "unknown"]);
    expect(q.positive).toEqual(["vs"]);
    expect(q.scores).toEqual({ vs: 100, n: 60, d: 40, vd: 0 });
  });
  it("reorders choices and stops at either end", () => {
    const json = moveChoice(shipped, "core_values_24", "none", -1);
    expect(answerOptions(el(json, "core_values_24")).map((o) => o.value)).toEqual(["full", "none", "partial"]);
    const same = moveChoice(shipped, "core_values_24", "full", -1);
    expect(answerOptions(el(same, "core_values_24")).map((o) => o.value)).toEqual(["full", "partial", "none"]);
  });
  it("reads plain-value choices, booleans and rating scales as answer options", () => {
    expect(answerOptions({ type: "dropdown", name: "d", choices: ["a", { value: "b", text: "乙" }] })).toEqual([
      { value: "a", text: "a" },
      { value: "b", text: "乙" },
    ]);
    expect(answerOptions(el(shipped, "registered_volunteer")).map((o) => o.value)).toEqual([true, false]);
    expect(answerOptions({ type: "rating", name: "r", rateMin: 1, rateMax: 5 }).map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(answerOptions({ type: "comment", name: "c" })).toEqual([]);
  });
});

describe("最多选 N 项 and number ranges keep property and validator together", () => {
  const message = (n: number) => `最多选择${n}项`;
  it("changes the limit and its answercount validator in place", () => {
    const json = setMaxSelected(shipped, "info_source", 2, message);
    const q = el(json, "info_source");
    expect(maxSelected(q)).toBe(2);
    expect(q.validators).toEqual([{ type: "answercount", maxCount: 2, text: "最多选择2项" }]);
    const none = el(setMaxSelected(json, "info_source", null, message), "info_source");
    expect(maxSelected(none)).toBeNull();
    expect("validators" in none).toBe(false);
    expect(() => setMaxSelected(shipped, "knows_campaign", 2, message)).toThrow();
    expect(() => setMaxSelected(shipped, "info_source", 0, message)).toThrow();
  });
  it("reads and writes a number range with its message", () => {
    expect(numberRange(el(shipped, "household_size"))).toEqual({ min: 1, max: 20, message: "请填写1到20之间的整数" });
    const json = setNumberRange(shipped, "household_size", { min: 1, max: 12, message: "请填写1到12之间的整数" });
    const q = el(json, "household_size");
    expect(q).toMatchObject({ min: 1, max: 12 });
    expect(q.validators).toEqual([{ type: "numeric", minValue: 1, maxValue: 12, text: "请填写1到12之间的整数" }]);
    const open = el(setNumberRange(json, "household_size", { min: null, max: null, message: "" }), "household_size");
    expect(["min", "max", "validators"].filter((k) => k in open)).toEqual([]);
    expect(() => setNumberRange(shipped, "household_size", { min: 5, max: 1, message: "" })).toThrow();
  });
});
