import { useEffect, useState } from "react";
import { getUnit } from "../api/get-unit";

/** The unit's name for display, or `undefined` while loading or if it cannot be read. */
export function useUnitName(code: string | undefined): string | undefined {
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!code) return;
    let cancelled = false;
    getUnit(code).then(
      (unit) => !cancelled && setName(unit.name),
      () => !cancelled && setName(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [code]);
  return name;
}
