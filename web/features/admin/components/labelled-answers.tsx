import { texts } from "../../../lib/i18n";
import { labelledAnswers, surveyTitle } from "../../../lib/survey/answer-labels";
import { useSurveyVersion } from "../../../lib/survey/survey-version";

const T = texts.admin.flagged;

/** "居民…调查问卷 第2版 · 扫码填写": the survey by its title, not its id. */
export function ResponseSource({ surveyId, version, channel }: { surveyId: string; version: number; channel: "qr" | "interview" }) {
  const definition = useSurveyVersion(surveyId, version);
  return <span>{T.source(surveyTitle(definition.data, surveyId), version, T.channels[channel])}</span>;
}

/** A response's answers, each question by its title and each answer by its choice text. */
export function LabelledAnswers({ surveyId, version, answers }: { surveyId: string; version: number; answers: Record<string, unknown> }) {
  const definition = useSurveyVersion(surveyId, version);
  if (definition.isPending) return <p className="admin-muted">{texts.admin.loading}</p>;
  return (
    <dl className="labelled-answers">
      {labelledAnswers(definition.data, answers).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one response and has no other stable key when names repeat
        <div key={i}>
          <dt>{line.question}</dt>
          <dd>{line.answer}</dd>
        </div>
      ))}
    </dl>
  );
}
