/**
 * The draft run by the real runner (survey-core + survey-react-ui, its own lazy chunk like the
 * respondent's and the tablet's): for a phone with the respondent page's model and CSS, for the
 * tablet with the interview model (不读出 marked, SurveyJS's own layout). It runs inside an
 * iframe of the device's width (preview-frame.tsx), so the phone CSS's media queries and
 * SurveyJS's own mobile layout apply as on a real phone. Nothing filled in here is sent anywhere.
 */
import { useMemo, useState } from "react";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.min.css";
import "../../../lib/survey/survey-on-phones.css";
import { texts } from "../../../lib/i18n";
import { createInterviewModel } from "../../../lib/survey/interview-model";
import { createSurveyModel } from "../../../lib/survey/survey-model";
import type { SurveyJson } from "../lib/survey-json";

const T = texts.surveyEditor.preview;

export interface DraftPreviewProps {
  json: SurveyJson;
  mode: "phone" | "tablet";
}

export default function DraftPreview({ json, mode }: DraftPreviewProps) {
  const [run, setRun] = useState(0);
  const made = useMemo(() => {
    void run;
    try {
      const seed = { json: json as Record<string, unknown>, data: {}, pageNo: 0 };
      const model = mode === "phone" ? createSurveyModel({ ...seed, selfAnswered: true }) : createInterviewModel(seed);
      // Our pages replace SurveyJS's completed page; the preview shows it, it submits nothing.
      model.showCompletedPage = true;
      return { model, error: null };
    } catch (e) {
      return { model: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [json, mode, run]);
  return (
    <main className="se-preview" aria-label={mode === "phone" ? T.phone : T.tablet}>
      <button type="button" className="button button--small button--ghost se-preview__restart" onClick={() => setRun((n) => n + 1)}>
        {T.restart}
      </button>
      {made.error && (
        <p className="admin-error" role="alert">
          {T.failed(made.error)}
        </p>
      )}
      {made.model && (
        <div className={mode === "phone" ? "respondent" : "iv-preview"} data-testid={`preview-${mode}`}>
          <Survey model={made.model} />
        </div>
      )}
    </main>
  );
}
