import type { ReactNode } from "react";

/** A centred panel for a whole-page state: loading, invalid QR code, thank-you. */
export function MessagePanel({
  tone = "info",
  title,
  children,
}: {
  tone?: "info" | "success" | "error";
  title: string;
  children?: ReactNode;
}) {
  return (
    <section className={`message-panel message-panel--${tone}`} aria-live="polite">
      <h2 className="message-panel__title">{title}</h2>
      {children}
    </section>
  );
}
