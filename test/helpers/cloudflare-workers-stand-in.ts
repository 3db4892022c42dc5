/**
 * `cloudflare:workers` for Node test runs (vite.config.ts aliases it in the unit project): the
 * module is built into workerd and nothing in Node provides it, yet an in-process test that
 * imports server/worker.ts (test/server/encryption.test.ts: the Worker refuses an encryption key)
 * also loads the ingest shard's class, which extends its `DurableObject`. The base class only
 * keeps `ctx` and `env`; no test runs a shard through it (test/edge/ runs the real one in workerd).
 */
export abstract class DurableObject<Env = unknown> {
  protected readonly ctx: unknown;
  protected readonly env: Env;

  constructor(ctx: unknown, env: Env) {
    this.ctx = ctx;
    this.env = env;
  }
}
