import { useCallback, useState } from "react";
import { localStore } from "../../../lib/storage";

/** Kept on the phone, for every poster: an older resident who turned it on once keeps it. */
export const LARGE_TEXT_KEY = "cw-large-text";

/** The 大字 switch (适老化): one tap, remembered. */
export function useLargeText(): { large: boolean; toggle: () => void } {
  const [large, setLarge] = useState(() => localStore.get(LARGE_TEXT_KEY) === "1");
  const toggle = useCallback(() => {
    setLarge((was) => {
      const next = !was;
      if (next) localStore.set(LARGE_TEXT_KEY, "1");
      else localStore.remove(LARGE_TEXT_KEY);
      return next;
    });
  }, []);
  return { large, toggle };
}
