import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { UnitKind } from "../../../server/contracts/unit-kinds";
import { getUnitNode, searchUnits, type UnitNode } from "../units/units-api";

/** One row of the picker's popup: a tree node, or a search hit (level 1, with its path). */
export interface PickerItem {
  code: string;
  name: string;
  kind: UnitKind;
  level: number;
  /** null: a leaf (community, school) or a search hit, which has no expander. */
  expanded: boolean | null;
  parent: string | null;
  path?: string;
}

const LEAVES: readonly UnitKind[] = ["community", "school"];
const NODE_KEY = (code: string) => ["unit-node", code] as const;

/** The same query key wherever a unit is read with its children, so names are read once. */
export const unitNodeQuery = (code: string) => ({
  queryKey: NODE_KEY(code),
  queryFn: () => getUnitNode(code),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Rows shown under `root`: each expanded node's children follow it, one level deeper. */
function flatten(root: UnitNode, nodes: Map<string, UnitNode>, expanded: Set<string>): PickerItem[] {
  const out: PickerItem[] = [];
  const walk = (unit: { code: string; name: string; kind: UnitKind }, level: number, parent: string | null) => {
    const leaf = LEAVES.includes(unit.kind);
    const open = !leaf && expanded.has(unit.code);
    out.push({ code: unit.code, name: unit.name, kind: unit.kind, level, expanded: leaf ? null : open, parent });
    const node = nodes.get(unit.code);
    if (open && node) for (const child of node.children) walk(child, level + 1, unit.code);
  };
  walk(root, 1, null);
  return out;
}

/**
 * What the unit picker lists: with no query, the tree from the caller's scope (`root`, default
 * the scope the server reports), loaded one level at a time as nodes open; with a query, the
 * server's hits (debounced, so typing a name is not one request per key).
 */
export function useUnitTree(query: string, root: string | undefined, enabled: boolean) {
  const client = useQueryClient();
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query.trim()), 200);
    return () => clearTimeout(t);
  }, [query]);
  const scope = useQuery({
    queryKey: ["unit-search", root ?? null, ""],
    queryFn: () => searchUnits("", root),
    enabled: enabled && !root,
    staleTime: Infinity,
    retry: false,
  });
  const rootCode = root ?? scope.data?.under.code;
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [nodes, setNodes] = useState<Map<string, UnitNode>>(new Map());
  const [failed, setFailed] = useState(false);

  const load = useCallback(
    async (code: string) => {
      try {
        const node = await client.fetchQuery(unitNodeQuery(code));
        setNodes((m) => new Map(m).set(code, node));
      } catch {
        setFailed(true);
      }
    },
    [client],
  );
  useEffect(() => {
    if (enabled && rootCode && !nodes.has(rootCode)) {
      setExpanded((s) => new Set(s).add(rootCode));
      void load(rootCode);
    }
  }, [enabled, rootCode, nodes, load]);

  const hits = useQuery({
    queryKey: ["unit-search", rootCode ?? null, debounced],
    queryFn: () => searchUnits(debounced, rootCode),
    enabled: enabled && debounced.length > 0 && !!rootCode,
    staleTime: 60_000,
    retry: false,
  });

  const toggle = useCallback(
    (code: string, open: boolean) => {
      setExpanded((s) => {
        const next = new Set(s);
        if (open) next.add(code);
        else next.delete(code);
        return next;
      });
      if (open && !nodes.has(code)) void load(code);
    },
    [nodes, load],
  );

  const searching = query.trim().length > 0;
  const rootNode = rootCode ? nodes.get(rootCode) : undefined;
  const items: PickerItem[] = searching
    ? (hits.data?.units ?? []).map((u) => ({ ...u, level: 1, expanded: null, parent: null }))
    : rootNode
      ? flatten(rootNode, nodes, expanded)
      : [];
  return {
    items,
    toggle,
    searching,
    loading: searching ? debounced !== query.trim() || hits.isFetching : !rootNode && !failed && !scope.error,
    failed: failed || !!scope.error || !!hits.error,
    /** The server answers at most 30 hits; then the picker asks for more letters. */
    truncated: searching && (hits.data?.units.length ?? 0) >= 30,
  };
}
