import { texts } from "../../../lib/i18n";
import { MessagePanel } from "./message-panel";

export function ThankYou({ onFillAnother }: { onFillAnother: () => void }) {
  return (
    <MessagePanel tone="success" title={texts.respondent.thanksTitle}>
      <div className="thank-you__mark" aria-hidden="true">
        ✓
      </div>
      <p>{texts.respondent.thanksBody}</p>
      <p className="muted">{texts.respondent.thanksNote}</p>
      <div className="thank-you__another">
        <p className="muted">{texts.respondent.fillAnotherNote}</p>
        <button type="button" className="button button--ghost" onClick={onFillAnother}>
          {texts.respondent.fillAnother}
        </button>
      </div>
    </MessagePanel>
  );
}
