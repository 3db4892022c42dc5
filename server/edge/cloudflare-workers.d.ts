/**
 * The one export of workerd's built-in `cloudflare:workers` module the Worker uses: the base class
 * whose public methods a Durable Object stub can call as RPC. Only the Worker bundle imports it
 * (server/edge/ingest-shard.ts); the Node entry never does.
 */
declare module "cloudflare:workers" {
  export abstract class DurableObject<Env = unknown> {
    protected readonly ctx: unknown;
    protected readonly env: Env;
    constructor(ctx: unknown, env: Env);
  }
}
