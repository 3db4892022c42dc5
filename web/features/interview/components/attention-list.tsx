import { texts } from "../../../lib/i18n";
import type { QueueItem } from "../sync/types";

/** 需处理: items the server refused, with its reason; kept until someone deals with them. */
export function AttentionList({ items, onRetry }: { items: QueueItem[]; onRetry: (id: string) => void }) {
  const refused = items.filter((i) => i.state === "needs_attention");
  if (refused.length === 0) return null;
  return (
    <section className="iv-card iv-attention" aria-labelledby="iv-attention-title">
      <h2 id="iv-attention-title">{texts.interview.needsAttention(refused.length)}</h2>
      <p className="iv-muted">{texts.interview.needsAttentionHint}</p>
      <ul className="iv-list">
        {refused.map((item) => (
          <li key={item.id} className="iv-list__row" data-testid="attention-item">
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
            </div>
            <button type="button" className="button button--small button--secondary" onClick={() => onRetry(item.id)}>
              {texts.interview.retry}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
