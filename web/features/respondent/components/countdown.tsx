import { useEffect, useState } from "react";

/** Whole seconds left until `until` (epoch ms), re-rendered every second. */
export function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new deadline restarts the ticking at once
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1_000));
}
