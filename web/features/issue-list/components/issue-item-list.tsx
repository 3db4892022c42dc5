import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ISSUE_STATUSES } from "../../../../server/contracts/issue-statuses";
import { texts } from "../../../lib/i18n";
import { getIssueItems } from "../api/issue-list-api";
import type { IssueStatus } from "../types";
import { IssueItemCard } from "./issue-item-card";

const T = texts.issueList;

/** 问题清单: the items assigned inside a unit's subtree, newest first, filtered by status. */
export function IssueItemList({ unit }: { unit: string }) {
  const [status, setStatus] = useState<IssueStatus | "">("");
  const pages = useInfiniteQuery({
    queryKey: ["issue-list", "items", unit, status],
    queryFn: ({ pageParam }) => getIssueItems({ unit, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="issue-section" aria-labelledby="items-title">
      <h2 id="items-title">{T.itemsTitle}</h2>
      <label className="issue-filters">
        {T.statusFilter}
        <select value={status} onChange={(e) => setStatus(e.target.value as IssueStatus | "")}>
          <option value="">{T.allStatuses}</option>
          {ISSUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {T.status[s]}
            </option>
          ))}
        </select>
      </label>
      {pages.isError && <p className="notice notice-warning">{T.loadFailed}</p>}
      {pages.isPending && <p className="page-status">{texts.common.loading}</p>}
      {pages.isSuccess && items.length === 0 && <p className="muted">{T.noItems}</p>}
      <ul className="issue-items">
        {items.map((item) => (
          <IssueItemCard key={`${item.id}-${item.updatedAt}`} item={item} />
        ))}
      </ul>
      {pages.hasNextPage && (
        <button type="button" className="button button--ghost" disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
          {T.loadMore}
        </button>
      )}
    </section>
  );
}
