import { texts } from "../../../lib/i18n";
import { revisitList, timeOfDay, type TabletDoor } from "../lib/revisits";

const T = texts.register;
const shortTime = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });

/**
 * 待回访: doors where nobody was home and the office's attempt limit is not reached, with the time
 * of the last try and another part of the day to try (tried 上午 → 傍晚). Read from the tablet's
 * copy, so it works offline.
 */
export function RevisitList(props: { doors: TabletDoor[]; attemptLimit: number; onPick: (door: TabletDoor) => void }) {
  const list = revisitList(props.doors);
  return (
    <section className="iv-card" aria-labelledby="iv-revisit-title">
      <h2 id="iv-revisit-title">
        {T.revisitTitle}（{list.length}）
      </h2>
      {list.length === 0 ? (
        <p>{T.revisitEmpty}</p>
      ) : (
        <ul className="iv-revisits">
          {list.map((d) => {
            const last = d.lastVisitedAt ?? "";
            const when = last ? `${shortTime(last)}（${T.timesOfDay[timeOfDay(last)]}）` : "—";
            return (
              <li key={d.id}>
                <span>{T.revisitLine(d.label, d.attempts, props.attemptLimit, when, last ? T.suggest[timeOfDay(last)] : "")}</span>{" "}
                <button type="button" className="button button--secondary" onClick={() => props.onPick(d)}>
                  {T.revisitPick}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
