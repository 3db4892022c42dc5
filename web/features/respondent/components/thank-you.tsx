import { texts } from "../../../lib/i18n";
import { MessagePanel } from "./message-panel";

export function ThankYou() {
  return (
    <MessagePanel tone="success" title={texts.respondent.thanksTitle}>
      <div className="thank-you__mark" aria-hidden="true">
        ✓
      </div>
      <p>{texts.respondent.thanksBody}</p>
      <p className="muted">{texts.respondent.thanksNote}</p>
    </MessagePanel>
  );
}
