import { useQuery } from "@tanstack/react-query";
import { errorText } from "../../../lib/http";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { listSurveys } from "../api/posters";
import { getSurveyDiff, listSurveyVersions } from "../api/surveys";
import { adminQuery } from "../lib/admin-query";
import type { SurveyDiff } from "../types";
import { SurveyDiffView } from "../../../lib/ui/survey-diff-view";

const T = texts.admin.surveys;

/** Every published version with its response count, and a readable diff between two versions. */
export function VersionsPanel() {
  const surveys = useQuery({ queryKey: ["admin", "surveys"], queryFn: listSurveys, ...adminQuery });
  const [surveyId, setSurveyId] = useState("resident");
  const versions = useQuery({
    queryKey: ["admin", "survey-versions", surveyId],
    queryFn: () => listSurveyVersions(surveyId),
    ...adminQuery,
  });
  const [from, setFrom] = useState(1);
  const [to, setTo] = useState(2);
  const [diff, setDiff] = useState<SurveyDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const numbers = versions.data?.map((v) => v.version) ?? [];

  async function compare() {
    setError(null);
    try {
      setDiff(await getSurveyDiff(surveyId, from, to));
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section className="admin-panel">
      <label className="admin-row">
        {T.survey}
        <select
          value={surveyId}
          onChange={(e) => {
            setSurveyId(e.target.value);
            setDiff(null);
          }}
        >
          {surveys.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {versions.error && <p className="admin-error">{texts.admin.loadFailed(versions.error.message)}</p>}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{T.version}</th>
            <th>{T.publishedAt}</th>
            <th>{T.responses}</th>
            <th>{T.flagged}</th>
          </tr>
        </thead>
        <tbody>
          {versions.data?.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>{new Date(v.publishedAt).toLocaleString("zh-CN")}</td>
              <td>{v.responses}</td>
              <td>{v.flagged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {numbers.length > 1 && (
        <div className="admin-row">
          <strong>{T.compare}</strong>
          {T.from}
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                v{n}
              </option>
            ))}
          </select>
          {T.to}
          <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                v{n}
              </option>
            ))}
          </select>
          <button className="button" type="button" onClick={() => void compare()}>
            {T.compare}
          </button>
        </div>
      )}
      {error && <p className="admin-error">{error}</p>}
      {diff && <SurveyDiffView diff={diff} />}
    </section>
  );
}
