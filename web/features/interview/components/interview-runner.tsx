/**
 * SurveyJS in interview mode (its own lazy chunk). The interviewer reads the questions aloud;
 * options whose text says 不读出 are shown marked so they are not read out (lib/survey/interview-model.ts).
 */
import { useEffect, useRef, useState } from "react";
import "survey-core/survey-core.fontless.min.css";
import type { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { createInterviewModel } from "../../../lib/survey/interview-model";

export interface InterviewRunnerProps {
  json: Record<string, unknown>;
  initialData: Record<string, unknown>;
  initialPageNo: number;
  onProgress: (data: Record<string, unknown>, pageNo: number) => void;
  onComplete: (data: Record<string, unknown>) => void;
  /** A page came on screen (its name), for the paradata's time per page. */
  onPageShown?: (page: string) => void;
  /** An answer was set (the question's name), for the paradata's answer changes. */
  onValueSet?: (question: string) => void;
}

export default function InterviewRunner(props: InterviewRunnerProps) {
  const [model] = useState(() => createInterviewModel({ json: props.json, data: props.initialData, pageNo: props.initialPageNo }));
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const progress = () => callbacks.current.onProgress(model.data, model.currentPageNo);
    const complete = () => callbacks.current.onComplete(model.data);
    const top = () => window.scrollTo(0, 0);
    const shown = () => model.currentPage && callbacks.current.onPageShown?.(model.currentPage.name);
    const valueSet = (_: Model, options: { name: string }) => callbacks.current.onValueSet?.(options.name);
    // Paradata first, so the draft that progress() saves already holds it.
    model.onValueChanged.add(valueSet);
    model.onCurrentPageChanged.add(shown);
    shown();
    model.onValueChanged.add(progress);
    model.onCurrentPageChanged.add(progress);
    model.onCurrentPageChanged.add(top);
    model.onComplete.add(complete);
    return () => {
      model.onValueChanged.remove(valueSet);
      model.onCurrentPageChanged.remove(shown);
      model.onValueChanged.remove(progress);
      model.onCurrentPageChanged.remove(progress);
      model.onCurrentPageChanged.remove(top);
      model.onComplete.remove(complete);
    };
  }, [model]);

  return <Survey model={model} />;
}
