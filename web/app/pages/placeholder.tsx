import type { ReactNode } from "react";
import { texts } from "../texts";

/** A page that later work fills: says so plainly. */
export function Placeholder({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <section className="placeholder">
      <h1>
        {title} <span className="badge">{texts.common.building}</span>
      </h1>
      <p>{body}</p>
      {children}
    </section>
  );
}
