/**
 * The SurveyJS part of the respondent page. Everything heavy (survey-core, survey-react-ui, their
 * CSS, the Chinese locale, our custom properties) is imported only here, and this module is only
 * reached through `lazy-survey-runner.ts`, so it lands in its own chunk after the shell painted.
 */
import { useEffect, useRef, useState } from "react";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.min.css";
import "survey-core/i18n/simplified-chinese";
import "../../../../surveys/properties";
import type { ApiIssue } from "../../../lib/http";
import { texts } from "../../../app/texts";

export interface SurveyRunnerProps {
  json: Record<string, unknown>;
  initialData: Record<string, unknown>;
  initialPageNo: number;
  /** The draft came from another survey version: drop answers that no longer fit. */
  dropStaleAnswers: boolean;
  /** Set when the server refused the answers: reopen the survey at the first problem. */
  issues: ApiIssue[] | null;
  onProgress: (data: Record<string, unknown>, pageNo: number) => void;
  onComplete: (data: Record<string, unknown>) => void;
}

function createModel(props: SurveyRunnerProps): Model {
  const model = new Model(props.json);
  model.locale = "zh-cn";
  // Our own states (sending, retrying, thank-you) replace SurveyJS's completed page.
  model.showCompletedPage = false;
  // Save every keystroke, not only on blur: a reload mid-sentence must not lose the text.
  model.textUpdateMode = "onTyping";
  model.data = props.initialData;
  if (props.dropStaleAnswers) model.clearIncorrectValues(true);
  const lastPage = Math.max(0, model.visiblePageCount - 1);
  model.currentPageNo = Math.min(Math.max(0, props.initialPageNo), lastPage);
  return model;
}

export default function SurveyRunner(props: SurveyRunnerProps) {
  const [model] = useState(() => createModel(props));
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const progress = () => callbacks.current.onProgress(model.data, model.currentPageNo);
    const complete = () => callbacks.current.onComplete(model.data);
    model.onValueChanged.add(progress);
    model.onCurrentPageChanged.add(progress);
    model.onComplete.add(complete);
    // Persist what survived a version change right away.
    if (callbacks.current.dropStaleAnswers) progress();
    return () => {
      model.onValueChanged.remove(progress);
      model.onCurrentPageChanged.remove(progress);
      model.onComplete.remove(complete);
    };
  }, [model]);

  const { issues } = props;
  useEffect(() => {
    if (!issues || issues.length === 0) return;
    // Reopen the completed survey with its answers and page kept, then go to the first problem.
    if (model.state === "completed") model.clear(false, false);
    let moved = false;
    for (const issue of issues) {
      const question = issue.question ? model.getQuestionByName(issue.question) : null;
      if (!question) continue;
      question.addError(issue.message);
      if (!moved && question.page && question.isVisible) {
        model.currentPage = question.page;
        moved = true;
      }
    }
    window.scrollTo(0, 0);
  }, [issues, model]);

  return (
    <>
      {issues && issues.length > 0 && (
        <div className="notice notice-warning" role="alert">
          <strong>{texts.respondent.invalidTitle}</strong>
          <p>{texts.respondent.invalidBody}</p>
          <ul className="issue-list">
            {issues.map((issue, i) => {
              const question = issue.question ? model.getQuestionByName(issue.question) : null;
              const title = question?.title ?? issue.question ?? issue.path;
              return <li key={i}>{title ? `${title}：${issue.message}` : issue.message}</li>;
            })}
          </ul>
        </div>
      )}
      <Survey model={model} />
    </>
  );
}
