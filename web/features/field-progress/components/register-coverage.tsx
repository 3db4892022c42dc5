import "../register.css";
import { useQuery } from "@tanstack/react-query";
import { texts } from "../../../lib/i18n";
import { getRegisterCoverage } from "../api/get-register-coverage";
import { RegisterImportPanel } from "./register-import-panel";

const T = texts.register.coverage;
const percent = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

type Coverage = Awaited<ReturnType<typeof getRegisterCoverage>>;
type KindRow = Coverage["totals"]["household"];

function Cells({ k }: { k: KindRow }) {
  return (
    <>
      <td>{k.entries}</td>
      <td>{k.visited}</td>
      <td>{percent(k.coverage)}</td>
      <td>{k.fieldAdded}</td>
      <td>{percent(k.rr1)}</td>
      <td>{percent(k.coop1)}</td>
      <td>{percent(k.ref1)}</td>
    </>
  );
}

function Table({ data, kind }: { data: Coverage; kind: "household" | "shop" }) {
  const rows = data.rows.filter((r) => r[kind].entries > 0);
  return (
    <section aria-label={kind === "household" ? T.households : T.shops}>
      <h3>{kind === "household" ? T.households : T.shops}</h3>
      {rows.length === 0 ? (
        <p>{T.empty[kind]}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{T.unit}</th>
              <th>{T.entries}</th>
              <th>{T.visited}</th>
              <th>{T.coverage}</th>
              <th>{T.fieldAdded}</th>
              <th>{T.rr1}</th>
              <th>{T.coop1}</th>
              <th>{T.ref1}</th>
              <th>{T.attemptLimit}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.code}>
                <td>{r.unit.name}</td>
                <Cells k={r[kind]} />
                <td>{r.attemptLimit ?? "—"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{T.total}</th>
              <Cells k={data.totals[kind]} />
              <th />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

/** 入户宣传 and 沿街商铺宣传 against the real register, with AAPOR RR1 / COOP1 / REF1 per community. */
export function RegisterCoverage({ unit }: { unit: string | null }) {
  const query = useQuery({
    queryKey: ["register-coverage", unit],
    queryFn: () => getRegisterCoverage(unit),
    retry: false,
    refetchOnWindowFocus: false,
  });
  if (query.isError) return <p className="notice notice-warning">{T.loadFailed}</p>;
  if (!query.data) return <p className="page-status">{texts.common.loading}</p>;
  return (
    <section className="register-coverage">
      <h2>{T.title}</h2>
      <p className="muted">{T.note}</p>
      <RegisterImportPanel />
      <Table data={query.data} kind="household" />
      <Table data={query.data} kind="shop" />
    </section>
  );
}
