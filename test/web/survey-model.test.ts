import { describe, expect, it } from "vitest";
import { createSurveyModel, reopenAtIssues } from "../../web/lib/survey/survey-model";

const v2 = {
  title: "居民问卷",
  showProgressBar: true,
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "knows_campaign",
          title: "您是否知道本市正在创建全国文明城市？",
          isRequired: true,
          metric: "awareness",
          positive: ["yes"],
          choices: [
            { value: "yes", text: "知道" },
            { value: "no", text: "不知道" },
          ],
        },
      ],
    },
    {
      name: "p2",
      elements: [
        {
          type: "radiogroup",
          name: "satisfaction_env",
          title: "您对环境卫生满意吗？",
          metric: "satisfaction",
          positive: ["5", "4"],
          choices: ["5", "4", "3"],
        },
      ],
    },
    {
      name: "p3",
      elements: [
        { type: "rating", name: "overall", rateMin: 1, rateMax: 5, minRateDescription: "很不满意", maxRateDescription: "很满意" },
        { type: "comment", name: "advice", title: "建议" },
      ],
    },
  ],
};

describe("createSurveyModel", () => {
  it("loads metric properties, Chinese locale, draft data and page", () => {
    const model = createSurveyModel({ json: v2, data: { knows_campaign: "yes" }, pageNo: 1, dropStaleAnswers: false });
    expect(model.jsonErrors ?? []).toEqual([]);
    expect(model.locale).toBe("zh-cn");
    expect(model.showCompletedPage).toBe(false);
    expect(model.currentPageNo).toBe(1);
    expect(model.data).toEqual({ knows_campaign: "yes" });
    // The Chinese locale is really loaded: SurveyJS's own buttons are in Chinese.
    expect(model.completeText).not.toBe("Complete");
  });

  it("keeps 1-5 ratings as buttons on phones (labels under the ends)", () => {
    const model = createSurveyModel({ json: v2, data: {}, pageNo: 0, dropStaleAnswers: false });
    expect(model.getQuestionByName("overall").rateDescriptionLocation).toBe("bottom");
  });

  it("clamps a page number past the end (survey got shorter)", () => {
    expect(createSurveyModel({ json: v2, data: {}, pageNo: 17, dropStaleAnswers: false }).currentPageNo).toBe(2);
  });

  it("after a version change keeps answers that fit and drops the rest", () => {
    const draftFromV1 = { knows_campaign: "yes", satisfaction_env: "2", removed_question: "x" };
    const model = createSurveyModel({ json: v2, data: draftFromV1, pageNo: 0, dropStaleAnswers: true });
    expect(model.data).toEqual({ knows_campaign: "yes" });
  });

  it("reopens a completed survey at the first refused question, answers kept", () => {
    const model = createSurveyModel({
      json: v2,
      data: { knows_campaign: "yes", satisfaction_env: "5" },
      pageNo: 2,
      dropStaleAnswers: false,
    });
    model.doComplete();
    expect(model.state).toBe("completed");
    reopenAtIssues(model, [
      { question: "satisfaction_env", message: "超出范围" },
      { question: "ghost", message: "?" },
    ]);
    expect(model.state).toBe("running");
    expect(model.currentPage.name).toBe("p2");
    expect(model.data).toEqual({ knows_campaign: "yes", satisfaction_env: "5" });
    expect(model.getQuestionByName("satisfaction_env").errors.map((e) => e.getText())).toContain("超出范围");
  });

  it("drops refused values the person could never fix, so a retry is not refused again", () => {
    const model = createSurveyModel({
      json: v2,
      data: { knows_campaign: "yes", satisfaction_env: "bogus", ghost: 1 },
      pageNo: 2,
      dropStaleAnswers: false,
    });
    model.doComplete();
    reopenAtIssues(model, [
      { question: "satisfaction_env", message: "答案不在选项范围内" },
      { question: "ghost", message: "未知问题" },
    ]);
    expect(model.data).toEqual({ knows_campaign: "yes" });
    expect(model.currentPage.name).toBe("p2");
  });
});
