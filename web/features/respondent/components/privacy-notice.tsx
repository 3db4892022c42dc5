import { useId } from "react";
import { texts } from "../../../lib/i18n";

/**
 * 个人信息处理告知 above the first question (PIPL art. 17: tell before collecting): a short summary
 * that leaves the first question on a phone's first screen, and the full text behind 展开 (a
 * native <details>, so keyboard and screen readers get it without any script of ours).
 */
export function PrivacyNotice({ summary, full }: { summary: string; full: string }) {
  const titleId = useId();
  return (
    <section className="privacy-notice" aria-labelledby={titleId} data-testid="privacy-notice">
      <p className="privacy-notice__summary">
        <strong id={titleId} className="privacy-notice__title">
          {texts.respondent.privacyNotice.title}
        </strong>{" "}
        {summary}
      </p>
      <details className="privacy-notice__full">
        <summary>{texts.respondent.privacyNotice.expand}</summary>
        {full.split("\n").map((paragraph, i) => (
          // Paragraphs of a fixed text, never reordered: the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <p key={i}>{paragraph}</p>
        ))}
      </details>
    </section>
  );
}
