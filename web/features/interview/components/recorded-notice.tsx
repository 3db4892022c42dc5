import { useEffect, useState } from "react";
import { texts } from "../../../lib/i18n";

/** How long a new 拒访 / 不在家 / 无人居住 can be undone; the sync engine holds it back as long. */
export const UNDO_MS = 8_000;

/**
 * 已保存 after a visit without a questionnaire, with a 撤销 button for the undo window (a
 * mis-tap on the wrong outcome is common at a door); the button goes when the window ends.
 */
export function RecordedNotice(props: { message: string; until: number; onUndo: () => void; onExpired: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((props.until - now) / 1000));
  const { onExpired } = props;

  useEffect(() => {
    if (left <= 0) {
      onExpired();
      return;
    }
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, props.until - Date.now()));
    return () => clearTimeout(timer);
  }, [left, props.until, onExpired]);

  return (
    <div className="notice iv-notice iv-recorded">
      <span role="status">{props.message}</span>
      {left > 0 && (
        <span className="iv-recorded__undo">
          {/* Not announced each second: the live message above says what was saved. */}
          <span className="iv-muted" aria-hidden="true">
            {texts.interview.undoWithin(left)}
          </span>
          <button type="button" className="button button--small button--secondary" onClick={props.onUndo}>
            {texts.interview.undo}
          </button>
        </span>
      )}
    </div>
  );
}
