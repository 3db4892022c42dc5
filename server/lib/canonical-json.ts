/**
 * JSON with object keys sorted at every depth, so two payloads that mean the same thing hash the
 * same whatever order a client wrote its keys in (the idempotency check compares these hashes).
 * Callers pass client JSON only after the body edge bounded its depth (server/lib/json-limits.ts).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    // No prototype: a `__proto__` key is then an ordinary own property and is kept, not turned
    // into the object's prototype (and so silently dropped) by the assignment below.
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
