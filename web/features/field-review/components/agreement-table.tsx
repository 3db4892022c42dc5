import { useQuery } from "@tanstack/react-query";
import { texts } from "../../../lib/i18n";
import { getAgreement } from "../api/field-review-api";

const T = texts.fieldReview;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Agreement per interviewer: matched over compared answers of their finished back-checks. */
export function AgreementTable({ unit }: { unit: string }) {
  const data = useQuery({ queryKey: ["field-review", "agreement", unit], queryFn: () => getAgreement(unit), retry: false });
  if (!data.isSuccess) return null;
  const C = T.agreementColumns;
  return (
    <section className="review-section" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{T.agreementTitle}</h2>
      <p className="muted">{T.agreementRule(pct(data.data.threshold), data.data.minBackChecks)}</p>
      {data.data.interviewers.length === 0 ? (
        <p className="muted">{T.noBackChecks}</p>
      ) : (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">{C.interviewer}</th>
              <th scope="col">{C.drawn}</th>
              <th scope="col">{C.done}</th>
              <th scope="col">{C.agreement}</th>
              <th scope="col">{C.low}</th>
            </tr>
          </thead>
          <tbody>
            {data.data.interviewers.map((r) => (
              <tr key={r.interviewer}>
                <td>{r.interviewer}</td>
                <td>{r.drawn}</td>
                <td>{r.done}</td>
                <td>{r.agreement === null ? "—" : `${pct(r.agreement)}（${r.matched}/${r.compared}）`}</td>
                <td>{r.low ? <strong>{T.lowAgreement}</strong> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
