import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { listFlagged } from "../api/flagged";
import { adminQuery } from "../lib/admin-query";
import type { ReviewStatus } from "../types";
import { ResponseSearch } from "./response-search";
import { ReviewList } from "./review-list";

const T = texts.admin.flagged;
const STATUSES: ReviewStatus[] = ["pending", "included", "excluded", "all"];

/**
 * Flagged responses, each (or many at once, with one reason) counted or left out; the reason
 * goes to the audit log. Below, any other response can be looked up and excluded by hand.
 */
export function FlaggedPanel() {
  const [status, setStatus] = useState<ReviewStatus>("pending");
  const list = useQuery({ queryKey: ["admin", "flagged", status], queryFn: () => listFlagged(status), ...adminQuery });
  return (
    <section className="admin-panel">
      <div className="admin-row" role="tablist">
        {T.status}
        {STATUSES.map((s) => (
          <button key={s} type="button" className={s === status ? "button" : "button button--ghost"} onClick={() => setStatus(s)}>
            {T.statuses[s]}
          </button>
        ))}
      </div>
      {list.error && <p className="admin-error">{texts.admin.loadFailed(list.error.message)}</p>}
      {list.data && list.data.length === 0 && <p className="admin-muted">{T.empty}</p>}
      {list.data && <ReviewList items={list.data} onDone={() => void list.refetch()} />}
      <ResponseSearch />
    </section>
  );
}
