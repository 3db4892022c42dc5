import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { METRICS } from "../../../../surveys/metrics";
import { texts } from "../../../lib/i18n";
import { listBankItems } from "../api/drafts";
import { filterBank } from "../lib/bank-filter";
import type { BankItem } from "../types";

const T = texts.surveyEditor.bank;
const M = texts.surveyEditor.metric;

/**
 * The item bank as a modal dialog (native <dialog>: focus stays inside, Esc closes): search,
 * filter by audience and metric, add an item to the current page.
 */
export function ItemBankDialog({
  open,
  audience,
  pageTitle,
  onAdd,
  onClose,
}: {
  open: boolean;
  audience: string;
  pageTitle: string;
  onAdd: (item: BankItem) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const items = useQuery({ queryKey: ["survey-editor", "item-bank"], queryFn: listBankItems, retry: false, enabled: open });
  const [words, setWords] = useState("");
  const [who, setWho] = useState(audience);
  const [metric, setMetric] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const shown = useMemo(() => filterBank(items.data ?? [], words, who, metric), [items.data, words, who, metric]);
  const audiences = [...new Set((items.data ?? []).flatMap((i) => i.audience))];
  return (
    <dialog ref={ref} className="se-dialog se-bank" aria-labelledby="se-bank-title" onClose={onClose}>
      <h3 id="se-bank-title">{T.title}</h3>
      <p className="admin-muted">{T.intro}</p>
      <div className="admin-row">
        <label>
          {T.search}
          <input type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        </label>
        <label>
          {T.audience}
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">{T.anyAudience}</option>
            {audiences.map((a) => (
              <option key={a} value={a}>
                {texts.surveyEditor.audiences[a] ?? a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.metric}
          <select value={metric} onChange={(e) => setMetric(e.target.value)}>
            <option value="">{T.anyMetric}</option>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {M.names[m]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {items.error && <p className="admin-error">{texts.admin.loadFailed(items.error.message)}</p>}
      <p role="status" className="admin-ok">
        {added ? T.added(added) : ""}
      </p>
      {items.data && shown.length === 0 && <p className="admin-muted">{T.none}</p>}
      <ul className="se-bank__list">
        {shown.map((item) => (
          <li key={item.id} data-testid="bank-item">
            <div>
              <strong>{item.title}</strong>
              <small className="admin-muted">
                {" "}
                {item.audience.map((a) => texts.surveyEditor.audiences[a] ?? a).join("、")}
                {item.metric ? ` · ${M.names[item.metric as keyof typeof M.names] ?? item.metric}` : ""}
              </small>
              {item.note && <p className="admin-muted">{item.note}</p>}
            </div>
            <button
              type="button"
              className="button button--small"
              aria-label={`${T.addTo(pageTitle)}：${item.title}`}
              onClick={() => {
                onAdd(item);
                setAdded(item.title);
              }}
            >
              {T.add}
            </button>
          </li>
        ))}
      </ul>
      <div className="admin-actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {T.close}
        </button>
      </div>
    </dialog>
  );
}
