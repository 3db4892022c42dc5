import { describe, expect, it } from "vitest";
import { questionnairePreloadLink, respondentPreloadLinks } from "../../server/lib/preload-hints";

const manifest = {
  "index.html": { file: "assets/index-A.js", imports: ["_jsx-runtime-B.js"], css: ["assets/index-A.css"] },
  "_jsx-runtime-B.js": { file: "assets/jsx-runtime-B.js" },
  "features/respondent/components/survey-runner.tsx": {
    file: "assets/survey-runner-C.js",
    imports: ["_jsx-runtime-B.js", "_properties-D.js", "index.html"],
  },
  "_properties-D.js": { file: "assets/properties-D.js", imports: ["_jsx-runtime-B.js"], css: ["assets/properties-D.css"] },
  "features/dashboard/echart.tsx": { file: "assets/echart-E.js" },
};

describe("respondent page preload hints", () => {
  it("names the SurveyJS chunks and their CSS, not what index.html loads anyway, nor other features", () => {
    expect(respondentPreloadLinks(manifest)).toEqual([
      "</assets/survey-runner-C.js>; rel=modulepreload",
      "</assets/properties-D.js>; rel=modulepreload",
      "</assets/properties-D.css>; rel=preload; as=style; crossorigin",
    ]);
    expect(respondentPreloadLinks({})).toEqual([]);
  });

  it("preloads the questionnaire only for well-formed tokens (nothing can be smuggled into the header)", () => {
    expect(questionnairePreloadLink("5I66jJs47mvr.fgFdWLGfW4ncNr2FA084DA")).toBe(
      "</api/v1/q/5I66jJs47mvr.fgFdWLGfW4ncNr2FA084DA>; rel=preload; as=fetch; crossorigin",
    );
    for (const bad of ["x", "a>; rel=preload, </evil", "5I66jJs47mvr.fgFdWLGfW4ncNr2FA084D%0d%0a", "../../etc/passwd"]) {
      expect(questionnairePreloadLink(bad)).toBeNull();
    }
  });
});
