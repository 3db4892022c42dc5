import { texts } from "../../../lib/i18n";

const T = texts.surveyEditor.preview;

/** Device sizes of the preview: a common phone, and the 10-inch tablets the interviewers carry. */
const SIZES = { phone: { width: 375, height: 720 }, tablet: { width: 800, height: 900 } } as const;

export const previewPath = (draftId: string, mode: "phone" | "tablet", revision: number) =>
  `/survey-preview/${encodeURIComponent(draftId)}?mode=${mode}&r=${revision}`;

/**
 * The saved draft in an iframe as wide as the device, so the page inside lays out as it would
 * there (media queries answer to the iframe's width). The revision in the address reloads it
 * after each save.
 */
export function PreviewFrame({ draftId, mode, revision }: { draftId: string; mode: "phone" | "tablet"; revision: number }) {
  const size = SIZES[mode];
  return (
    <section className="se-preview-frame" aria-labelledby={`se-preview-${mode}`}>
      <h3 id={`se-preview-${mode}`}>{mode === "phone" ? T.phone : T.tablet}</h3>
      <p className="admin-muted">{T.note}</p>
      <div className={`se-device se-device--${mode}`} style={{ width: size.width + 24 }}>
        <iframe
          title={mode === "phone" ? T.phone : T.tablet}
          src={previewPath(draftId, mode, revision)}
          width={size.width}
          height={size.height}
          data-testid={`preview-frame-${mode}`}
        />
      </div>
    </section>
  );
}
