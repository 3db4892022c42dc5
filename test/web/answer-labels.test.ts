import { describe, expect, it } from "vitest";
import { labelledAnswers, questionLabels, surveyTitle, textOf } from "../../web/lib/survey/answer-labels";
import resident from "../../surveys/resident.json";

const definition = {
  title: { default: "Survey", "zh-cn": "调查" },
  pages: [
    {
      elements: [
        { type: "radiogroup", name: "age_band", title: "您的年龄是？", choices: [{ value: "18_29", text: "18–29岁" }] },
        {
          type: "panel",
          name: "p1",
          elements: [
            { type: "checkbox", name: "info_source", title: "渠道", choices: [{ value: "tv", text: "电视" }, "微信"] },
            { type: "boolean", name: "consent", title: "同意", labelTrue: "同意", labelFalse: "不同意" },
          ],
        },
        { type: "html", name: "note" },
      ],
    },
  ],
};

describe("answer labels", () => {
  it("names questions by title and values by choice text, inside panels, multi-choice joined", () => {
    expect(labelledAnswers(definition, { age_band: "18_29", info_source: ["tv", "微信"], consent: false, extra: 3 })).toEqual([
      { question: "您的年龄是？", answer: "18–29岁" },
      { question: "渠道", answer: "电视、微信" },
      { question: "同意", answer: "不同意" },
      { question: "extra", answer: "3" },
    ]);
    expect(questionLabels(definition).has("note")).toBe(false);
    expect(surveyTitle(definition, "x")).toBe("调查");
    expect(textOf(undefined, "fallback")).toBe("fallback");
  });
  it("labels every choice of the shipped resident survey", () => {
    const labels = questionLabels(resident);
    expect(labels.get("age_band")?.choices.size).toBeGreaterThan(3);
    for (const [, q] of labels) for (const [value, text] of q.choices) expect(text === value && /^[a-z_0-9]+$/.test(value)).toBe(false);
  });
  it("survives a broken definition", () => {
    expect(labelledAnswers(null, { a: 1 })).toEqual([{ question: "a", answer: "1" }]);
    expect(labelledAnswers({ pages: "x" }, { a: "b" })).toEqual([{ question: "a", answer: "b" }]);
  });
});
