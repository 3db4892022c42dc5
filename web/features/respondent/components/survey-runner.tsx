/**
 * The SurveyJS part of the respondent page. Everything heavy (survey-core, survey-react-ui, their
 * CSS, the Chinese locale, our custom properties via `survey-model.ts`) is reached only from
 * here, and this module only through `lazy-survey-runner.ts`, so it is a chunk of its own that
 * loads after the page shell painted.
 */
import { useEffect, useRef, useState } from "react";
import type { Model, Question, QuestionRadiogroupModel } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.min.css";
import "../../../lib/survey/survey-on-phones.css";
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
  /** Mounted: this chunk and its CSS are loaded (the page keeps them for offline use). */
  onReady?: () => void;
}

export default function SurveyRunner(props: SurveyRunnerProps) {
  const [model] = useState(() => {
    const created = createSurveyModel({
      json: props.json,
      data: props.initialData,
      pageNo: props.initialPageNo,
      dropStaleAnswers: props.dropStaleAnswers,
      selfAnswered: true,
    });
    // Our own progress (PageProgress) replaces SurveyJS's; the title shows on the first page only.
    created.showProgressBar = false;
    created.showTitle = created.currentPageNo === 0;
    // Short answer lists (满意/比较满意/…) in two columns: the 满意度 page is half as tall.
    for (const question of created.getAllQuestions()) {
      if (hasShortChoices(question)) (question as QuestionRadiogroupModel).colCount = 2;
    }
    return created;
  });
  const pageNo = usePageNo(model);
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const progress = () => callbacks.current.onProgress(model.data, model.currentPageNo);
    const complete = () => callbacks.current.onComplete(model.data);
    const top = () => window.scrollTo(0, 0);
    model.onValueChanged.add(progress);
    model.onCurrentPageChanged.add(top);
    model.onCurrentPageChanged.add(progress);
    model.onComplete.add(complete);
    // Persist what survived a version change right away.
    if (callbacks.current.dropStaleAnswers) progress();
    callbacks.current.onReady?.();
    return () => {
      model.onValueChanged.remove(progress);
      model.onCurrentPageChanged.remove(progress);
      model.onCurrentPageChanged.remove(top);
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
      <PageProgress pageNo={pageNo.current} pageCount={pageNo.count} />
      <Survey model={model} />
    </>
  );
}

/** Longest answer text (in characters) that still fits half a 375 px phone at 大字 size. */
const SHORT_CHOICE_CHARS = 6;

/** A single-choice list of several short answers, laid out in two columns on a phone. */
function hasShortChoices(question: Question): boolean {
  if (question.getType() !== "radiogroup") return false;
  const { choices } = question as QuestionRadiogroupModel;
  return choices.length >= 4 && choices.every((c) => String(c.text ?? "").length <= SHORT_CHOICE_CHARS);
}

/**
 * SurveyJS's own progress at 375 px is a row of unlabelled step icons (and a lone check mark on
 * the one-page ineligible path); in words and a labelled bar instead, none for a single page.
 * The survey's title and description show on the first page only (model.showTitle), so later
 * pages start with their first question on screen.
 */
function usePageNo(model: Model): { current: number; count: number } {
  const read = () => ({ current: model.currentPageNo + 1, count: model.visiblePageCount });
  const [state, setState] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` only reads the model
  useEffect(() => {
    const update = () => {
      const next = read();
      model.showTitle = next.current === 1;
      setState((prev) => (prev.current === next.current && prev.count === next.count ? prev : next));
    };
    model.onCurrentPageChanged.add(update);
    model.onValueChanged.add(update);
    return () => {
      model.onCurrentPageChanged.remove(update);
      model.onValueChanged.remove(update);
    };
  }, [model]);
  return state;
}

function PageProgress({ pageNo, pageCount }: { pageNo: number; pageCount: number }) {
  if (pageCount < 2) return null;
  const label = texts.respondent.pageProgress(pageNo, pageCount);
  return (
    <div className="page-progress">
      <span className="page-progress__label" aria-hidden="true">
        {label}
      </span>
      <div
        className="page-progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={1}
        aria-valuemax={pageCount}
        aria-valuenow={pageNo}
      >
        <div className="page-progress__fill" style={{ width: `${(pageNo / pageCount) * 100}%` }} />
      </div>
    </div>
  );
}
