/**
 * An audit entry as an admin reads it: one Chinese sentence for what happened and, instead of two
 * blobs of JSON, the fields that changed with their old and new values.
 */

/** One changed field: a dotted path into the entry's before/after objects. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Leaves of an object as dotted paths; arrays are leaves (an import's row lists are summarised, not diffed). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>, depth: number): void {
  if (isPlainObject(value) && depth < 4) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out, depth + 1);
    return;
  }
  out.set(prefix, value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields whose value differs between `before` and `after` (a field only on one side counts,
 * with `undefined` on the other). An entry without `before` (a creation) lists what was set.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before ?? {}, "", a, 0);
  flatten(after ?? {}, "", b, 0);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== "");
  return paths.filter((p) => !same(a.get(p), b.get(p))).map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}

/** What the stored counts of a units.import entry say, or null for another kind of entry. */
export function importCounts(action: string, after: unknown): { added: number; changed: number } | null {
  if (action !== "units.import" || !isPlainObject(after)) return null;
  const { added, changed } = after;
  return typeof added === "number" && typeof changed === "number" ? { added, changed } : null;
}
