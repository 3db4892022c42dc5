import { useEffect, useState } from "react";
import { texts } from "../../../lib/i18n";
import { getUnit, listSurveys, surveysFor } from "../lib/catalog";
import type { InterviewDb } from "../lib/interview-db";
import { LEAF_KINDS, type SurveySummary, type UnitNode, type WorkArea } from "../types";

type Browse =
  | { kind: "loading" }
  | { kind: "unit"; node: UnitNode }
  | { kind: "audience"; leaf: { code: string; name: string; kind: string }; surveys: SurveySummary[] }
  | { kind: "failed" };

/** Picks a community (or school) in the user's scope by walking the tree, then a questionnaire. */
export function AreaPicker(props: { db: InterviewDb; scope: string; area: WorkArea | null; onChange: (area: WorkArea) => void }) {
  const { db, scope, area } = props;
  const [open, setOpen] = useState(area === null);
  const [path, setPath] = useState<string[]>([scope]);
  const [browse, setBrowse] = useState<Browse>({ kind: "loading" });
  const current = path[path.length - 1]!;

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setBrowse({ kind: "loading" });
    getUnit(db, current).then(
      async (node) => {
        if (cancelled) return;
        if (LEAF_KINDS.includes(node.kind)) {
          const surveys = surveysFor(node.kind, await listSurveys(db));
          if (!cancelled) setBrowse({ kind: "audience", leaf: node, surveys });
        } else setBrowse({ kind: "unit", node });
      },
      () => !cancelled && setBrowse({ kind: "failed" }),
    );
    return () => {
      cancelled = true;
    };
  }, [db, current, open]);

  if (!open && area) {
    return (
      <section className="iv-card iv-area">
        <div>
          <span className="iv-muted">{texts.interview.area}</span>
          <strong className="iv-area__name" data-testid="area-name">
            {area.unitName}
          </strong>
          <span className="iv-muted">{texts.interview.audience}</span>
          <strong>{area.survey.title}</strong>
        </div>
        <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
          {texts.interview.changeArea}
        </button>
      </section>
    );
  }

  return (
    <section className="iv-card" aria-labelledby="iv-area-title">
      <h2 id="iv-area-title">{browse.kind === "audience" ? texts.interview.chooseAudience : texts.interview.chooseArea}</h2>
      {path.length > 1 && (
        <button type="button" className="iv-link" onClick={() => setPath(path.slice(0, -1))}>
          ← {texts.interview.up}
        </button>
      )}
      {browse.kind === "loading" && <p className="iv-muted">{texts.common.loading}</p>}
      {browse.kind === "failed" && <p className="notice notice-warning">{texts.interview.unitsUnavailable}</p>}
      {browse.kind === "unit" && (
        <>
          <p className="iv-muted">{browse.node.name}</p>
          <div className="iv-choices">
            {browse.node.children.map((child) => (
              <button key={child.code} type="button" className="iv-choice" onClick={() => setPath([...path, child.code])}>
                {child.name}
              </button>
            ))}
          </div>
        </>
      )}
      {browse.kind === "audience" && (
        <>
          <p className="iv-muted">{browse.leaf.name}</p>
          <div className="iv-choices">
            {browse.surveys.map((survey) => (
              <button
                key={survey.id}
                type="button"
                className="iv-choice"
                onClick={() => {
                  props.onChange({ unitCode: browse.leaf.code, unitName: browse.leaf.name, unitKind: browse.leaf.kind, survey });
                  setOpen(false);
                }}
              >
                {survey.title}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
