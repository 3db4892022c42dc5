import { texts } from "../../../lib/i18n";
import type { PosterClosedCode } from "../types";
import { MessagePanel } from "./message-panel";

/** A revoked poster, or one outside its collection window: says which, with the server's details (times). */
export function PosterClosed({ code, message, afterFilling = false }: { code: PosterClosedCode; message: string; afterFilling?: boolean }) {
  return (
    <MessagePanel tone="error" title={texts.respondent.closedTitles[code]}>
      {afterFilling && <p>{texts.respondent.closedAfterFilling}</p>}
      <p data-testid="poster-closed" data-code={code}>
        {message}
      </p>
      <p>{texts.respondent.closedBody}</p>
    </MessagePanel>
  );
}
