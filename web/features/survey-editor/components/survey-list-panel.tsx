import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { listDrafts, listPublished, reopenSurvey, retireSurvey, startDraft } from "../api/drafts";
import { NewSurveyForm } from "./new-survey-form";
import { plainText } from "../lib/survey-json";
import "../survey-editor.css";

const T = texts.surveyEditor.list;
const when = (iso: string) => new Date(iso).toLocaleString("zh-CN");

/** /admin/editor: every survey with its version, open draft and state; edit, retire, reopen, new. */
export function SurveyListPanel() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const published = search.get("published");
  const version = search.get("version");
  const surveys = useQuery({ queryKey: ["survey-editor", "surveys"], queryFn: listPublished, retry: false });
  const drafts = useQuery({ queryKey: ["survey-editor", "drafts"], queryFn: listDrafts, retry: false });
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["survey-editor"] });
  const open = useMutation({
    mutationFn: startDraft,
    onSuccess: (draft) => navigate(`/admin/editor/${encodeURIComponent(draft.id)}`),
    onError: (e) => setError(errorText(e)),
  });
  const retire = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => (on ? retireSurvey(id) : reopenSurvey(id)),
    onSuccess: () => void refresh(),
    onError: (e) => setError(errorText(e)),
  });
  const draftOf = (surveyId: string) => drafts.data?.find((d) => d.surveyId === surveyId);
  const loadError = surveys.error ?? drafts.error;
  const newDrafts = (drafts.data ?? []).filter((d) => d.baseVersion === null);

  return (
    <section className="admin-panel se-list-panel" aria-labelledby="se-list-title">
      <h2 id="se-list-title">{T.title}</h2>
      <p className="admin-muted">{T.intro}</p>
      {published && version && (
        <p className="admin-ok" role="status">
          {texts.surveyEditor.publish.done(Number(version))}
        </p>
      )}
      {loadError && <p className="admin-error">{texts.admin.loadFailed(errorText(loadError))}</p>}
      {error && (
        <p className="admin-error" role="alert">
          {error}
        </p>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{T.survey}</th>
            <th>{T.audience}</th>
            <th>{T.state}</th>
            <th>
              <span className="visually-hidden">{T.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {surveys.data?.map((s) => {
            const draft = draftOf(s.id);
            const retired = Boolean(s.retiredAt);
            return (
              <tr key={s.id} data-survey={s.id} className={retired ? "is-disabled" : undefined}>
                <td>
                  {s.title}（{s.id}） {T.version(s.version)}
                </td>
                <td>{texts.surveyEditor.audiences[s.audience] ?? s.audience}</td>
                <td>
                  {retired ? T.retired(when(s.retiredAt!)) : T.active}
                  {draft && (
                    <>
                      <br />
                      <small className="admin-muted">{T.draftOpen(draft.revision, when(draft.updatedAt))}</small>
                    </>
                  )}
                </td>
                <td className="admin-actions">
                  <button type="button" className="button button--small" onClick={() => open.mutate(s.id)} disabled={open.isPending}>
                    {draft ? T.continueDraft : T.edit}
                    <span className="visually-hidden">：{s.title}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={() => {
                      if (!retired && !window.confirm(T.confirmRetire(s.title))) return;
                      retire.mutate({ id: s.id, on: !retired });
                    }}
                  >
                    {retired ? T.reopen : T.retire}
                    <span className="visually-hidden">：{s.title}</span>
                  </button>
                </td>
              </tr>
            );
          })}
          {newDrafts.map((d) => (
            <tr key={d.id} data-survey={d.surveyId}>
              <td>
                {plainText(d.json?.title) || d.surveyId}（{d.surveyId}，{texts.surveyEditor.editor.newSurvey}）
              </td>
              <td>—</td>
              <td>
                <small className="admin-muted">{T.draftOpen(d.revision, when(d.updatedAt))}</small>
              </td>
              <td className="admin-actions">
                <Link href={`/admin/editor/${encodeURIComponent(d.id)}`} className="button button--small">
                  {T.continueDraft}
                  <span className="visually-hidden">：{d.surveyId}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewSurveyForm surveys={surveys.data ?? []} onCreated={(draft) => navigate(`/admin/editor/${encodeURIComponent(draft.id)}`)} />
    </section>
  );
}
