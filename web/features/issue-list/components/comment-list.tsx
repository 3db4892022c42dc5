import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { getComments } from "../api/issue-list-api";
import type { Comment, CommentsQuery } from "../types";
import { ConvertDialog } from "./convert-dialog";

const T = texts.issueList;
const SURVEYS = ["resident", "shopkeeper", "parent"] as const;
const time = (iso: string) => new Date(iso).toLocaleString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });

/** 意见建议: the open-text answers in a unit's subtree, searchable and filterable, a page at a time. */
export function CommentList({ unit, scope }: { unit: string; scope: string }) {
  const [draft, setDraft] = useState({ q: "", survey: "", from: "", to: "", includeFlagged: false });
  const [filters, setFilters] = useState(draft);
  const [converting, setConverting] = useState<Comment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query: CommentsQuery = {
    unit,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.survey ? { survey: filters.survey } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.includeFlagged ? { includeFlagged: "1" as const } : {}),
  };
  const pages = useInfiniteQuery({
    queryKey: ["issue-list", "comments", query],
    queryFn: ({ pageParam }) => getComments({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
  const comments = pages.data?.pages.flatMap((p) => p.comments) ?? [];

  return (
    <section className="issue-section" aria-labelledby="comments-title">
      <h2 id="comments-title">{T.commentsTitle}</h2>
      <form
        className="issue-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          <span className="visually-hidden">{T.search}</span>
          <input
            type="search"
            value={draft.q}
            placeholder={T.searchPlaceholder}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </label>
        <label>
          {T.survey}
          <select value={draft.survey} onChange={(e) => setDraft({ ...draft, survey: e.target.value })}>
            <option value="">{T.allSurveys}</option>
            {SURVEYS.map((s) => (
              <option key={s} value={s}>
                {T.surveys[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.from}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {T.to}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.includeFlagged}
            onChange={(e) => setDraft({ ...draft, includeFlagged: e.target.checked })}
          />
          {T.includeFlagged}
        </label>
        <button type="submit" className="button">
          {T.apply}
        </button>
      </form>
      {notice && (
        <p className="notice notice-info" role="status">
          {notice}
        </p>
      )}
      {pages.isError && <p className="notice notice-warning">{T.loadFailed}</p>}
      {pages.isPending && <p className="page-status">{texts.common.loading}</p>}
      {pages.isSuccess && comments.length === 0 && <p className="muted">{T.noComments}</p>}
      <ul className="comment-list">
        {comments.map((c) => (
          <li key={`${c.responseId}|${c.question.name}`} className="comment-card" data-response={c.responseId}>
            <p className="comment-card__text">{c.text}</p>
            <p className="comment-card__meta">
              {c.unit.path.slice(1).join(" / ")} · {c.survey.title} · {c.question.title} · {T.channel[c.channel]} · {time(c.completedAt)}
              {c.flagged && <span className="badge">{T.flagged}</span>}
            </p>
            <div className="comment-card__actions">
              {c.issueIds.length > 0 && <span className="muted">{T.madeInto(c.issueIds)}</span>}
              <button type="button" className="button button--ghost" onClick={() => setConverting(c)}>
                {T.convert}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {pages.hasNextPage && (
        <button type="button" className="button button--ghost" disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
          {T.loadMore}
        </button>
      )}
      {converting && (
        <ConvertDialog
          comment={converting}
          scope={scope}
          onClose={(id) => {
            setConverting(null);
            if (id !== undefined) setNotice(T.created(id));
          }}
        />
      )}
    </section>
  );
}
