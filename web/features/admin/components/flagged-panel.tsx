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
      {/* A group of toggles, not tabs: a tablist needs tab children and panels, which this is not. */}
      <fieldset className="admin-row admin-toggles">
        <legend>{T.status}</legend>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={s === status}
            className={s === status ? "button" : "button button--ghost"}
            onClick={() => setStatus(s)}
          >
            {T.statuses[s]}
          </button>
        ))}
      </fieldset>
      {list.error && <p className="admin-error">{texts.admin.loadFailed(list.error.message)}</p>}
      {list.data && list.data.length === 0 && <p className="admin-muted">{T.empty}</p>}
      {list.data && <ReviewList items={list.data} onDone={() => void list.refetch()} />}
      <ResponseSearch />
    </section>
  );
}
