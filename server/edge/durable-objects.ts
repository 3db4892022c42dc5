/**
 * The few Durable Object types the Worker uses, written out here because the project does not
 * depend on @cloudflare/workers-types: a namespace binding ([[durable_objects.bindings]] in
 * wrangler.toml) names an object, its stub takes a fetch. Only server/worker.ts and server/edge/
 * see these (docs/architecture.md, "One app, two runtimes").
 */
export interface DurableObjectId {
  toString(): string;
}

export interface DurableObjectStub {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

export interface DurableObjectNamespace {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): DurableObjectStub;
}

/** True for a value that looks like a namespace binding (env values are untyped). */
export function isDurableObjectNamespace(value: unknown): value is DurableObjectNamespace {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { idFromName?: unknown }).idFromName === "function" &&
    typeof (value as { get?: unknown }).get === "function"
  );
}
