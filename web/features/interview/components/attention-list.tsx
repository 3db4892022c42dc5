import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { correctable } from "../sync/corrections";
import type { VisitCorrection } from "../sync/sync-engine";
import type { QueueItem } from "../sync/types";
import { CorrectionForm } from "./correction-form";
import { DiscardForm } from "./discard-form";

type Open = { id: string; mode: "correct" | "discard" } | null;

/**
 * 需处理: items the server refused, with its reason; kept until someone deals with them: retried,
 * corrected and resent (only if the server stored nothing under the id), or discarded with a
 * reason that the server audits.
 */
export function AttentionList(props: {
  items: QueueItem[];
  onRetry: (id: string) => void;
  onCorrect: (id: string, patch: VisitCorrection) => Promise<boolean>;
  /** Resolves to an error text to show, or null when the item is gone. */
  onDiscard: (id: string, reason: string) => Promise<string | null>;
}) {
  const [open, setOpen] = useState<Open>(null);
  const refused = props.items.filter((i) => i.state === "needs_attention");
  if (refused.length === 0) return null;
  return (
    <section className="iv-card iv-attention" aria-labelledby="iv-attention-title">
      <h2 id="iv-attention-title">{texts.interview.needsAttention(refused.length)}</h2>
      <p className="iv-muted">{texts.interview.needsAttentionHint}</p>
      <ul className="iv-list">
        {refused.map((item) => (
          <li key={item.id} className="iv-list__row iv-list__row--wrap" data-testid="attention-item">
            <div>
              <strong>{item.visit.household}</strong> · {item.unitName} · {texts.interview.outcomes[item.visit.outcome]}
              <div className="iv-problem">
                {item.problem?.status} {item.problem?.code}：{item.problem?.message}
                {item.problem && item.problem.issues.length > 0 && (
                  <ul>
                    {item.problem.issues.map((issue, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of one response's issues, never reordered
                      <li key={i}>{[issue.question ?? issue.path, issue.message].filter(Boolean).join("：")}</li>
                    ))}
                  </ul>
                )}
              </div>
              {!correctable(item) && <p className="iv-muted">{texts.interview.idTaken}</p>}
            </div>
            <span className="iv-row-actions">
              <button type="button" className="button button--small button--secondary" onClick={() => props.onRetry(item.id)}>
                {texts.interview.retry}
              </button>
              {correctable(item) && (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => setOpen({ id: item.id, mode: "correct" })}
                >
                  {texts.interview.correct}
                </button>
              )}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setOpen({ id: item.id, mode: "discard" })}
              >
                {texts.interview.discard}
              </button>
            </span>
            {open?.id === item.id && open.mode === "correct" && (
              <CorrectionForm
                item={item}
                onCancel={() => setOpen(null)}
                onSave={async (patch) => {
                  if (await props.onCorrect(item.id, patch)) setOpen(null);
                }}
              />
            )}
            {open?.id === item.id && open.mode === "discard" && (
              <DiscardForm
                item={item}
                onCancel={() => setOpen(null)}
                onDiscard={async (reason) => {
                  const error = await props.onDiscard(item.id, reason);
                  if (!error) setOpen(null);
                  return error;
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
