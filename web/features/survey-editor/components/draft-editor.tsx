import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useLocation } from "wouter";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { discardDraft, getDraft } from "../api/drafts";
import { getPublishedJson } from "../api/published";
import { useDraftAutosave } from "../hooks/use-draft-autosave";
import { allElements, findElement, pagesOf, plainText, type SurveyJson } from "../lib/survey-json";
import { setPageText, setSurveyText } from "../lib/pages";
import { addQuestion } from "../lib/questions";
import type { BankItem, Problem, SurveyDraft } from "../types";
import type { ElementJson } from "../lib/survey-json";
import { DraftDiff } from "./draft-diff";
import { ItemBankDialog } from "./item-bank-dialog";
import { PageList } from "./page-list";
import { PreviewFrame } from "./preview-frame";
import { ProblemsPanel } from "./problems-panel";
import { PublishDialog } from "./publish-dialog";
import { QuestionForm } from "./question-form";
import { QuestionList } from "./question-list";
import { SaveStatus } from "./save-status";
import "../survey-editor.css";

const T = texts.surveyEditor.editor;
type View = "edit" | "phone" | "tablet" | "diff";
const VIEWS: View[] = ["edit", "phone", "tablet", "diff"];

/** /admin/editor/:draftId: loads the draft, then the workspace edits it. */
export function DraftEditor({ draftId }: { draftId: string }) {
  const draft = useQuery({ queryKey: ["survey-editor", "draft", draftId], queryFn: () => getDraft(draftId), retry: false, gcTime: 0 });
  if (draft.error) {
    return (
      <section className="admin-panel">
        <p className="admin-error" role="alert">
          {T.loadFailed(errorText(draft.error))}
        </p>
        <Link href="/admin/editor">{T.back}</Link>
      </section>
    );
  }
  if (!draft.data) return <p className="admin-panel">{texts.admin.loading}</p>;
  return <DraftWorkspace key={draft.data.id} draft={draft.data} />;
}

function DraftWorkspace({ draft }: { draft: SurveyDraft }) {
  const editing = useDraftAutosave(draft);
  const { json, update } = editing;
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>("edit");
  const [pageName, setPageName] = useState(pagesOf(json)[0]?.name ?? "");
  const [selected, setSelected] = useState<string | null>(pagesOf(json)[0]?.elements?.[0]?.name ?? null);
  const [bankOpen, setBankOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [refusedProblems, setRefusedProblems] = useState<Problem[] | null>(null);
  const published = useQuery({
    queryKey: ["survey-editor", "published", draft.surveyId, draft.baseVersion],
    queryFn: () => getPublishedJson(draft.surveyId, draft.baseVersion!),
    enabled: draft.baseVersion !== null,
    retry: false,
  });
  const publishedNames = useMemo(() => new Set(published.data ? allElements(published.data).map((e) => e.name) : []), [published.data]);

  const problems = refusedProblems ?? editing.problems;
  const page = pagesOf(json).find((p) => p.name === pageName) ?? pagesOf(json)[0];
  const element = selected ? findElement(json, selected)?.element : undefined;
  const title = plainText(json.title) || draft.surveyId;

  const select = (name: string | null) => {
    setSelected(name);
    const at = name ? findElement(json, name) : null;
    if (at) setPageName(at.page.name);
  };
  const goTo = (question: string) => {
    setView("edit");
    select(question);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(".se-question input, .se-question select")?.focus());
  };
  const change = (next: SurveyJson) => {
    setRefusedProblems(null);
    update(next);
  };
  const addFromBank = (item: BankItem) => {
    if (!page) return;
    const added = addQuestion(json, page.name, item.element as ElementJson);
    change(added.json);
    select(added.name);
  };

  return (
    <section className="admin-panel se-editor">
      <header className="se-header">
        <div>
          <Link href="/admin/editor">{T.back}</Link>
          <h2>{T.heading(title, draft.surveyId)}</h2>
          <p className="admin-muted">{draft.baseVersion === null ? T.newSurvey : T.basedOn(draft.baseVersion)}</p>
        </div>
        <div className="se-header__actions">
          <SaveStatus editing={editing} />
          <button type="button" className="button" onClick={() => setPublishing(true)} data-testid="publish">
            {texts.surveyEditor.publish.button}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={async () => {
              if (!window.confirm(T.confirmDiscard)) return;
              await discardDraft(draft.id);
              await queryClient.invalidateQueries({ queryKey: ["survey-editor"] });
              navigate("/admin/editor");
            }}
          >
            {T.discard}
          </button>
        </div>
      </header>
      <nav className="se-views" aria-label={T.viewsLabel}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className={v === view ? "is-active" : undefined}
            aria-pressed={v === view}
            onClick={async () => {
              // Previews and the diff read the saved draft: save what is pending first.
              if (v !== "edit") await editing.flush();
              setView(v);
            }}
          >
            {T.views[v]}
          </button>
        ))}
      </nav>
      {view === "edit" && (
        <div className="se-layout">
          <aside className="se-side">
            <SurveyTexts json={json} update={change} />
            <PageList
              json={json}
              selected={page?.name ?? ""}
              onSelect={(p) => {
                setPageName(p);
                setSelected(pagesOf(json).find((x) => x.name === p)?.elements?.[0]?.name ?? null);
              }}
              update={change}
            />
            {page && (
              <QuestionList
                json={json}
                pageName={page.name}
                selected={selected}
                onSelect={select}
                update={change}
                onOpenBank={() => setBankOpen(true)}
                problemCount={(name) => problems.filter((p) => p.question === name && p.level === "error").length}
              />
            )}
          </aside>
          <div className="se-main">
            {page && <PageTexts json={json} pageName={page.name} update={change} />}
            {element ? (
              <QuestionForm
                key={element.name}
                json={json}
                element={element}
                update={change}
                published={publishedNames}
                problems={problems.filter((p) => p.question === element.name)}
                onRenamed={(name) => setSelected(name)}
                onRemoved={() => setSelected(null)}
              />
            ) : (
              <p className="admin-muted">{T.selectQuestion}</p>
            )}
          </div>
        </div>
      )}
      {(view === "phone" || view === "tablet") && <PreviewFrame draftId={draft.id} mode={view} revision={editing.revision} />}
      {view === "diff" && <DraftDiff draftId={draft.id} baseVersion={draft.baseVersion} revision={editing.revision} />}
      <ProblemsPanel
        problems={problems}
        onGoTo={goTo}
        onGoToPage={(p) => {
          setView("edit");
          setPageName(p);
          setSelected(pagesOf(json).find((x) => x.name === p)?.elements?.[0]?.name ?? null);
        }}
      />
      <ItemBankDialog
        open={bankOpen}
        audience={typeof json.audience === "string" ? json.audience : ""}
        pageTitle={plainText(page?.title) || page?.name || ""}
        onAdd={addFromBank}
        onClose={() => setBankOpen(false)}
      />
      {publishing && (
        <PublishDialog
          draftId={draft.id}
          baseVersion={draft.baseVersion}
          flush={editing.flush}
          onPublished={async (version) => {
            await queryClient.invalidateQueries({ queryKey: ["survey-editor"] });
            navigate(`/admin/editor?published=${encodeURIComponent(draft.surveyId)}&version=${version}`);
          }}
          onRefused={(list) => setRefusedProblems(list)}
          onClose={() => setPublishing(false)}
        />
      )}
    </section>
  );
}

/** The survey's own title and description (shown on the first page). */
function SurveyTexts({ json, update }: { json: SurveyJson; update: (next: SurveyJson) => void }) {
  return (
    <div className="se-survey-texts">
      <label className="se-field">
        {T.surveyTitle}
        <input value={plainText(json.title)} onChange={(e) => update(setSurveyText(json, { title: e.target.value }))} />
      </label>
      <label className="se-field">
        {T.surveyDescription}
        <textarea
          rows={3}
          value={plainText(json.description)}
          onChange={(e) => update(setSurveyText(json, { description: e.target.value }))}
        />
      </label>
    </div>
  );
}

function PageTexts({ json, pageName, update }: { json: SurveyJson; pageName: string; update: (next: SurveyJson) => void }) {
  const page = pagesOf(json).find((p) => p.name === pageName);
  if (!page) return null;
  return (
    <div className="se-page-texts admin-row">
      <label>
        {T.pageTitle}
        <input value={plainText(page.title)} onChange={(e) => update(setPageText(json, pageName, { title: e.target.value }))} />
      </label>
      <label>
        {T.pageDescription}
        <input value={plainText(page.description)} onChange={(e) => update(setPageText(json, pageName, { description: e.target.value }))} />
      </label>
    </div>
  );
}
