import "../field-progress.css";
import { useQuery } from "@tanstack/react-query";
import { texts } from "../../../lib/i18n";
import { getDevices, getInterviewerDays, getUnitProgress } from "../api/get-field-progress";
import { RegisterCoverage } from "./register-coverage";

type Data = {
  interviewers: Awaited<ReturnType<typeof getInterviewerDays>>;
  units: Awaited<ReturnType<typeof getUnitProgress>>;
  devices: Awaited<ReturnType<typeof getDevices>>;
};

const t = texts.interview.field;
const percent = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN", { hour12: false }) : "—");

/** Field progress for offices: interviews per interviewer per day, outcomes and coverage per community, devices. */
export function FieldProgressView({ unit }: { unit: string | null }) {
  // Loaded once per unit; an error shows at once rather than after silent retries.
  const query = useQuery({
    queryKey: ["field-progress", unit],
    queryFn: async (): Promise<Data> => {
      const [interviewers, units, devices] = await Promise.all([getInterviewerDays(unit), getUnitProgress(unit), getDevices(unit)]);
      return { interviewers, units, devices };
    },
    retry: false,
    refetchOnWindowFocus: false,
  });
  const data = query.data;

  if (query.isError) return <p className="notice notice-warning">{t.loadFailed}</p>;
  if (!data) return <p className="page-status">{texts.common.loading}</p>;
  const { units, interviewers, devices } = data;

  return (
    <div className="field-progress">
      <h1>
        {t.title} · {units.unit.name}
      </h1>
      <section>
        <h2>{t.communities}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t.unit}</th>
              <th>{t.visits}</th>
              <th>{t.outcomes.completed}</th>
              <th>{t.outcomes.refused}</th>
              <th>{t.outcomes.notHome}</th>
              <th>{t.outcomes.vacant}</th>
              <th>{t.outcomes.notEligible}</th>
              <th>{t.visitedHouseholds}</th>
              <th>{t.households}</th>
              <th>{t.coverage}</th>
              <th>{t.responseRate}</th>
            </tr>
          </thead>
          <tbody>
            {units.rows.map((r) => (
              <tr key={r.unit.code}>
                <td>{r.unit.name}</td>
                <td>{r.visits}</td>
                <td>{r.completed}</td>
                <td>{r.refused}</td>
                <td>{r.notHome}</td>
                <td>{r.vacant}</td>
                <td>{r.notEligible}</td>
                <td>{r.visitedHouseholds}</td>
                <td>{r.households ?? "—"}</td>
                <td>{percent(r.coverage)}</td>
                <td>{percent(r.responseRate)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t.total}</th>
              <th>{units.totals.visits}</th>
              <th>{units.totals.completed}</th>
              <th>{units.totals.refused}</th>
              <th>{units.totals.notHome}</th>
              <th>{units.totals.vacant}</th>
              <th>{units.totals.notEligible}</th>
              <th>{units.totals.visitedHouseholds}</th>
              <th>{units.totals.households ?? "—"}</th>
              <th>{percent(units.totals.coverage)}</th>
              <th>{percent(units.totals.responseRate)}</th>
            </tr>
          </tfoot>
        </table>
      </section>
      <RegisterCoverage unit={unit} />
      <section>
        <h2>{t.interviewers}</h2>
        {interviewers.rows.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t.day}</th>
                <th>{t.interviewer}</th>
                <th>{t.visits}</th>
                <th>{t.outcomes.completed}</th>
                <th>{t.outcomes.refused}</th>
                <th>{t.outcomes.notHome}</th>
                <th>{t.outcomes.vacant}</th>
                <th>{t.outcomes.notEligible}</th>
                <th>{t.responseRate}</th>
              </tr>
            </thead>
            <tbody>
              {interviewers.rows.map((r) => (
                <tr key={`${r.day}-${r.interviewer}`}>
                  <td>{r.day}</td>
                  <td>{r.interviewer}</td>
                  <td>{r.visits}</td>
                  <td>{r.completed}</td>
                  <td>{r.refused}</td>
                  <td>{r.notHome}</td>
                  <td>{r.vacant}</td>
                  <td>{r.notEligible}</td>
                  <td>{percent(r.responseRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>{t.devices}</h2>
        {devices.rows.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t.device}</th>
                <th>{t.user}</th>
                <th>{t.pending}</th>
                <th>{t.needsAttention}</th>
                <th>{t.lastSync}</th>
                <th>{t.lastHeartbeat}</th>
                <th>{t.appVersion}</th>
              </tr>
            </thead>
            <tbody>
              {devices.rows.map((d) => (
                <tr key={d.deviceId} className={d.pending > 0 || d.needsAttention > 0 ? "is-warning" : undefined}>
                  <td title={d.deviceId}>{d.deviceId.slice(0, 8)}</td>
                  <td>{d.username}</td>
                  <td>{d.pending}</td>
                  <td>{d.needsAttention}</td>
                  <td>{time(d.lastSyncAt)}</td>
                  <td>{time(d.lastHeartbeatAt)}</td>
                  <td>{d.appVersion ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
