import { surveyLocalization } from "survey-core";
import { describe, expect, it } from "vitest";
import { texts } from "../../web/lib/i18n";
import { createSurveyModel, SURVEY_LOCALE } from "../../web/lib/survey/survey-model";

const json = {
  pages: [
    {
      name: "p1",
      elements: [
        { type: "dropdown", name: "district", choices: ["a", "b"] },
        { type: "rating", name: "overall", rateMin: 1, rateMax: 5, minRateDescription: "差", maxRateDescription: "好" },
      ],
    },
  ],
};

describe("the one SurveyJS model factory (respondent and interviewer)", () => {
  it("patches SurveyJS's Chinese locale with our texts, for every model it builds", () => {
    const locale = surveyLocalization.locales[SURVEY_LOCALE] as Record<string, string>;
    for (const [key, value] of Object.entries(texts.surveyLocale)) expect(locale[key]).toBe(value);
    const model = createSurveyModel({ json, data: {}, pageNo: 0, fitRatingsToPhones: false });
    expect(model.locale).toBe(SURVEY_LOCALE);
    expect(model.getQuestionByName("district").placeholder).toBe(texts.surveyLocale.placeholder);
  });

  it("keeps SurveyJS's rating layout when asked (the tablet), and fits phones by default", () => {
    const tablet = createSurveyModel({ json, data: {}, pageNo: 0, fitRatingsToPhones: false });
    const phone = createSurveyModel({ json, data: {}, pageNo: 0 });
    expect(tablet.getQuestionByName("overall").rateDescriptionLocation).toBe("leftRight");
    expect(phone.getQuestionByName("overall").rateDescriptionLocation).toBe("bottom");
  });

  it("registers the custom properties of surveys/properties.ts, so metric tags survive the model", () => {
    const model = createSurveyModel({
      json: { elements: [{ type: "radiogroup", name: "q", metric: "awareness", positive: ["yes"], choices: ["yes", "no"] }] },
      data: {},
      pageNo: 0,
    });
    expect(model.getQuestionByName("q").getPropertyValue("metric")).toBe("awareness");
  });
});
