/**
 * The few Durable Object types the Worker uses, written out here because the project does not
 * depend on @cloudflare/workers-types: a namespace binding ([[durable_objects.bindings]] in
 * wrangler.toml) names an object, and its stub exposes the object's public methods as RPC
 * (a class extending `DurableObject`, compatibility date ≥ 2024-04-03). Only server/worker.ts and
 * server/edge/ see these (docs/architecture.md, "One app, two runtimes").
 */
export interface DurableObjectId {
  toString(): string;
}

export interface DurableObjectNamespace<Stub> {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): Stub;
}

/** True for a value that looks like a namespace binding (env values are untyped). */
export function isDurableObjectNamespace<Stub>(value: unknown): value is DurableObjectNamespace<Stub> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { idFromName?: unknown }).idFromName === "function" &&
    typeof (value as { get?: unknown }).get === "function"
  );
}
