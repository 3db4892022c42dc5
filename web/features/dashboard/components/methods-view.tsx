import { useMemo } from "react";
import { Link } from "wouter";
import { texts } from "../../../lib/i18n";
import { reliabilityLabel } from "../lib/figures";
import { pct } from "../lib/format";
import { workedExample, type ExampleFigures } from "../lib/worked-example";
import "../dashboard.css";

const T = texts.methods;
const D = texts.dashboard;
const THRESHOLD = 0.9;

const range = (ci: readonly [number, number]) => `${pct(Math.max(0, ci[0]))} – ${pct(Math.min(1, ci[1]))}`;
const one = (v: number) => v.toFixed(1);
const neededLabel = (f: ExampleFigures) => (f.neededN === null ? D.neededNever : f.neededN === 0 ? D.neededDecided : D.needed(f.neededN));

/** /dashboard/methods: how every figure is computed, with a worked example computed live. */
export function MethodsView() {
  const ex = useMemo(() => workedExample(THRESHOLD), []);
  const a = ex.atThreshold;
  const b = ex.below;
  const E = T.example;
  const rows: [string, (f: ExampleFigures) => string][] = [
    [E.rows.respondents, (f) => String(f.respondents)],
    [E.rows.answers, (f) => String(f.answers)],
    [E.rows.rate, (f) => pct(f.rate)],
    [E.rows.naive, (f) => range(f.naiveInterval)],
    [E.rows.nEff, (f) => one(f.nEff)],
    [E.rows.designEffect, (f) => one(f.designEffect)],
    [E.rows.interval, (f) => range(f.interval)],
    [E.rows.reliability, (f) => reliabilityLabel(f.reliability, f.nEff)],
    [E.rows.needed, neededLabel],
  ];
  return (
    <article className="methods">
      <div className="no-print dash-actions">
        <Link className="button button--ghost" href="/dashboard">
          {T.back}
        </Link>
      </div>
      <h1>{T.title}</h1>
      <p>{T.intro}</p>
      {T.sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
      <section data-testid="worked-example">
        <h2>{E.heading}</h2>
        <p>{E.setup(a.respondents, a.questions, a.answers, a.positive, pct(a.rate), a.allPositive)}</p>
        <p>{E.naive(a.answers, range(a.naiveInterval))}</p>
        <p>{E.nEff(a.variance.toFixed(5), one(a.nEff), one(a.designEffect), a.answers)}</p>
        <p>{E.interval(one(a.nEff), range(a.interval), pct(THRESHOLD, 0))}</p>
        <p>{E.reliability(reliabilityLabel(a.reliability, a.nEff))}</p>
        <p>{a.neededN === null ? E.neededAtThreshold : D.neededExplain(a.neededN, pct(THRESHOLD, 0))}</p>
        {b.neededN !== null && b.neededN > 0 && <p>{E.below(pct(b.rate), range(b.interval), b.neededN, pct(THRESHOLD, 0))}</p>}
        <p>{E.funnel(one(a.nEff), pct(Math.max(0, a.funnel95[0])), pct(Math.min(1, a.funnel95[1])))}</p>
        <p>{E.rank(ex.rankZ10.toFixed(2))}</p>
        <table className="dash-table">
          <caption>{E.tableCaption}</caption>
          <thead>
            <tr>
              {E.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <td>{label}</td>
                <td>{value(a)}</td>
                <td>{value(b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
