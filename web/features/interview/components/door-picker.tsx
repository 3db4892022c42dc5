import "../register.css";
import { useState } from "react";
import type { RegisterKind } from "../../../../server/contracts/register";
import { texts } from "../../../lib/i18n";
import { uuidV7 } from "../../../lib/uuid";
import type { RegisterState } from "../hooks/use-register";
import type { TabletDoor } from "../lib/revisits";

const T = texts.register;
const SHOWN = 30;

/**
 * Choose the door from the community's register (search, 只看分配给我的), or register the typed
 * household as a door found in the field. Only doors of the questionnaire's kind are offered:
 * residents at households, shopkeepers at shops.
 */
export function DoorPicker(props: {
  register: RegisterState;
  owner: string;
  kind: RegisterKind;
  /** The household text typed so far: what a new door is registered as. */
  typed: string;
  selected: TabletDoor | null;
  onPick: (door: TabletDoor | null) => void;
}) {
  const { register, kind } = props;
  const [query, setQuery] = useState("");
  const [mine, setMine] = useState(false);
  if (register.status === "loading") return <p className="page-status">{texts.common.loading}</p>;
  if (register.status === "failed") return <p className="notice notice-warning">{T.loadFailed}</p>;

  const ofKind = register.doors.filter((d) => d.kind === kind);
  const q = query.trim().replace(/\s+/g, "");
  const matches = ofKind.filter((d) => (!mine || d.assignedTo === props.owner) && (!q || d.label.replace(/\s+/g, "").includes(q)));
  const typed = props.typed.trim();
  const typedKnown = ofKind.some((d) => d.label.replace(/\s+/g, "") === typed.replace(/\s+/g, ""));

  async function addNew() {
    if (!typed || register.status !== "ready") return;
    const newDoor = kind === "shop" ? { kind, shopName: typed } : { kind, address: typed };
    const door = { id: uuidV7(), kind, label: typed, newDoor, createdAt: new Date().toISOString() };
    await register.addDoor(door);
    props.onPick({
      ...door,
      source: "field",
      assignedTo: null,
      attempts: 0,
      lastOutcome: null,
      lastVisitedAt: null,
      disposition: "not_attempted",
    });
  }

  if (props.selected) {
    return (
      <p className="iv-door-picked" role="status">
        {T.picked(props.selected.label)}
        {props.selected.source === "field" && `（${T.fieldAdded}）`}{" "}
        <button type="button" className="iv-link" onClick={() => props.onPick(null)}>
          {T.clearPick}
        </button>
      </p>
    );
  }
  return (
    <div className="iv-door-picker">
      {ofKind.length === 0 ? (
        <p>{T.noRegister}</p>
      ) : (
        <>
          <label className="field">
            <span className="field__label">{T.search}</span>
            <input name="door-search" value={query} placeholder={T.searchPlaceholder} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <label className="iv-check">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {T.mineOnly}
          </label>
          <ul className="iv-doors" aria-label={T.doorTitle}>
            {matches.slice(0, SHOWN).map((d) => (
              <li key={d.id}>
                <button type="button" className="button button--secondary iv-door" onClick={() => props.onPick(d)}>
                  {d.label} · {T.dispositions[d.disposition]}
                  {d.attempts > 0 && ` · ${T.attempts(d.attempts)}`}
                  {d.source === "field" && ` · ${T.fieldAdded}`}
                </button>
              </li>
            ))}
          </ul>
          {matches.length > SHOWN && <p>{T.moreDoors(matches.length - SHOWN)}</p>}
        </>
      )}
      {typed && !typedKnown && (
        <p>
          {T.newDoorHint}{" "}
          <button type="button" className="button button--secondary" onClick={() => void addNew()}>
            {T.newDoorAdd}
          </button>
        </p>
      )}
    </div>
  );
}
