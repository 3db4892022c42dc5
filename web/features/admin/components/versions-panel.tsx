import { useQuery } from "@tanstack/react-query";
import { errorText } from "../../../lib/http";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { listSurveys } from "../api/posters";
import { getSurveyDiff, listSurveyVersions } from "../api/surveys";
import { adminQuery } from "../lib/admin-query";
import type { SurveyDiff } from "../types";

const T = texts.admin.surveys;
const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

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
      {diff && <DiffView diff={diff} />}
    </section>
  );
}

function DiffView({ diff }: { diff: SurveyDiff }) {
  if (!diff.added.length && !diff.removed.length && !diff.changed.length && !diff.survey.length) return <p>{T.noChanges}</p>;
  return (
    <div className="survey-diff">
      {diff.survey.length > 0 && (
        <>
          <h4>{T.surveyLevel}</h4>
          <ul>
            {diff.survey.map((p) => (
              <li key={p.property}>
                {T.property(p.property)}：{show(p.before)} → {show(p.after)}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.added.length > 0 && (
        <>
          <h4>{T.added}</h4>
          <ul>
            {diff.added.map((q) => (
              <li key={q.name} className="diff-added">
                {q.title}（{q.name}）
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4>{T.removed}</h4>
          <ul>
            {diff.removed.map((q) => (
              <li key={q.name} className="diff-removed">
                {q.title}（{q.name}）
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>{T.changed}</h4>
          <ul>
            {diff.changed.map((q) => (
              <li key={q.name}>
                <strong>{q.title}</strong>（{q.name}）
                <ul>
                  {q.properties.map((p) => (
                    <li key={p.property}>
                      {T.property(p.property)}：{show(p.before)} → {show(p.after)}
                    </li>
                  ))}
                  {q.choices.map((c) => (
                    <li key={`${c.kind}-${String(c.value)}`}>
                      {c.kind === "added"
                        ? T.choiceAdded(c.after ?? "")
                        : c.kind === "removed"
                          ? T.choiceRemoved(c.before ?? "")
                          : T.choiceText(c.before ?? "", c.after ?? "")}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
