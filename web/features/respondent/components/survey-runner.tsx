/**
 * The SurveyJS part of the respondent page. Everything heavy (survey-core, survey-react-ui, their
 * CSS, the Chinese locale, our custom properties via `survey-model.ts`) is reached only from
 * here, and this module only through `lazy-survey-runner.ts`, so it is a chunk of its own that
 * loads after the page shell painted.
 */
import { useEffect, useRef, useState } from "react";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.min.css";
import type { ApiIssue } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { createSurveyModel, reopenAtIssues } from "../../../lib/survey/survey-model";

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

export default function SurveyRunner(props: SurveyRunnerProps) {
  const [model] = useState(() =>
    createSurveyModel({
      json: props.json,
      data: props.initialData,
      pageNo: props.initialPageNo,
      dropStaleAnswers: props.dropStaleAnswers,
    }),
  );
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
    reopenAtIssues(model, issues);
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
              // biome-ignore lint/suspicious/noArrayIndexKey: the issues of one answer, never reordered
              return <li key={i}>{title ? `${title}：${issue.message}` : issue.message}</li>;
            })}
          </ul>
        </div>
      )}
      <Survey model={model} />
    </>
  );
}
