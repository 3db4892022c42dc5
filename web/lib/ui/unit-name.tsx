import { useQuery } from "@tanstack/react-query";
import { unitNodeQuery } from "./use-unit-tree";

/**
 * A unit as a list names it: "民主社区（500104001001）", or the bare code while loading or when the
 * unit cannot be read (not stored yet, outside the scope). One cached read per code.
 */
export function UnitName({ code, name }: { code: string | null | undefined; name?: string | undefined }) {
  const unit = useQuery({ ...unitNodeQuery(code ?? ""), enabled: !!code && !name });
  if (!code) return null;
  const shown = name ?? unit.data?.name;
  return <span data-unit-code={code}>{shown ? `${shown}（${code}）` : code}</span>;
}
