import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { getUnitLevel } from "../api/issue-list-api";

const T = texts.issueList;

/**
 * Picks the unit to hand an item to, inside the user's scope: one level at a time from `scope`
 * down (GET /units/:code), so even a city-wide office never loads the whole tree.
 */
export function UnitPicker({
  scope,
  value,
  onChange,
}: {
  scope: string;
  value: { code: string; name: string };
  onChange: (unit: { code: string; name: string }) => void;
}) {
  const [trail, setTrail] = useState<string[]>([scope]);
  const current = trail.at(-1)!;
  const level = useQuery({ queryKey: ["unit-level", current], queryFn: () => getUnitLevel(current), retry: false });

  return (
    <fieldset className="unit-picker">
      <legend>{T.assignTo}</legend>
      <p className="unit-picker__chosen" aria-live="polite">
        {T.chosenUnit(value.name)}
      </p>
      {level.data && (
        <div className="unit-picker__level">
          <button type="button" className="button button--ghost" onClick={() => onChange({ code: level.data.code, name: level.data.name })}>
            {level.data.name}
          </button>
          {trail.length > 1 && (
            <button type="button" className="button button--ghost" onClick={() => setTrail(trail.slice(0, -1))}>
              {T.unitPickerUp}
            </button>
          )}
          {level.data.children.length > 0 && (
            <ul className="unit-picker__children" aria-label={T.unitPickerChildren}>
              {level.data.children.map((child) => (
                <li key={child.code}>
                  <button type="button" className="unit-picker__child" onClick={() => onChange({ code: child.code, name: child.name })}>
                    {child.name}
                  </button>
                  {child.kind !== "community" && child.kind !== "school" && (
                    <button
                      type="button"
                      className="unit-picker__drill"
                      aria-label={`${T.unitPickerChildren}：${child.name}`}
                      onClick={() => setTrail([...trail, child.code])}
                    >
                      ›
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
