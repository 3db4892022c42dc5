/**
 * Issue 14: the columns of an answer export over a questionnaire's versions, and the formula
 * rule the server's writers share with the dashboard's (web/lib/spreadsheet-cell.ts).
 */
import { describe, expect, it } from "vitest";
import { csvField as webCsvField, neutraliseText as webNeutralise } from "../../web/lib/spreadsheet-cell";
import { csvField, neutraliseText } from "../../server/services/exports/formula-safe";
import { answerColumns } from "../../server/services/exports/questionnaire-columns";

const v1 = {
  pages: [
    {
      elements: [
        {
          type: "radiogroup",
          name: "knows",
          title: "知道吗？",
          choices: [
            { value: "yes", text: "知道" },
            { value: "no", text: "不知道" },
          ],
        },
        { type: "html", name: "note", html: "<b>x</b>" },
        { type: "text", name: "old_only", title: { default: "Old", "zh-cn": "旧题" } },
      ],
    },
  ],
};
const v2 = {
  pages: [
    {
      elements: [
        {
          type: "panel",
          name: "p",
          elements: [
            {
              type: "radiogroup",
              name: "knows",
              title: "您知道吗？",
              choices: [
                { value: "yes", text: "知道" },
                { value: "unsure", text: "不清楚" },
              ],
            },
            {
              type: "checkbox",
              name: "src",
              title: "渠道",
              choices: ["tv", { value: 2, text: "报纸" }],
              showOtherItem: true,
              otherText: "其他（请注明）",
            },
          ],
        },
        { type: "text", name: "size", title: "人数", inputType: "number" },
        { type: "boolean", name: "vol", title: "志愿者？", labelTrue: "是", labelFalse: "否" },
        { type: "rating", name: "id", title: "打分" },
      ],
    },
  ],
};

describe("answer columns over versions", () => {
  it("one column per question of any version, newest order first, choices merged, multi-choice split per choice", () => {
    const cols = answerColumns([v2, v1], ["id"]);
    expect(cols.map((c) => [c.name, c.kind])).toEqual([
      ["knows", "single"],
      ["src_tv", "multi"],
      ["src_2", "multi"],
      ["src_other", "multi"],
      ["src_other_2", "text"],
      ["size", "number"],
      ["vol", "boolean"],
      ["id_2", "number"],
      ["old_only", "text"],
    ]);
    const knows = cols[0]!;
    expect(knows.label).toBe("您知道吗？");
    expect(knows.choices.map((c) => [c.key, c.label])).toEqual([
      ["yes", "知道"],
      ["unsure", "不清楚"],
      ["no", "不知道"],
    ]);
    expect(cols[2]!.label).toBe("渠道：报纸");
    expect(cols[4]!.question).toBe("src-Comment");
    expect(cols.at(-1)!.label).toBe("旧题");
  });
});

describe("formula-safe cells", () => {
  it("the server's rule is the dashboard's, text by text", () => {
    for (const text of [
      "=1+1",
      "+86 123",
      "-2",
      "@SUM(A1)",
      "\tx",
      "\rx",
      '=HYPERLINK("a","b")',
      "大渡口区",
      "a=b",
      " =1",
      "",
      "'q",
      'say "hi", ok',
    ]) {
      expect(neutraliseText(text)).toBe(webNeutralise(text));
      expect(csvField(text)).toBe(webCsvField(text));
    }
    for (const n of [-5, -0.25, 0, 12]) expect(csvField(n)).toBe(webCsvField(n));
    expect(csvField(null)).toBe("");
  });
});
