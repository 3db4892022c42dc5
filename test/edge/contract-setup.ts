/**
 * Setup of the `edge-contract` project: for each contract test file, a real sqld with the
 * migrations applied and the real Worker under workerd (wrangler dev) on it. The test cases are
 * the in-process ones (test/server/*.test.ts); test/helpers/target.ts points them at the Worker.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createDatabase } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import { requireEdge, startSqld, startWorker, type Sqld, type WorkerDev } from "../helpers/edge";
import { useWorkerTarget } from "../helpers/target";
import { ADMIN_PASSWORD } from "../helpers/test-app";

const ready = requireEdge();
let sqld: Sqld | undefined;
let worker: WorkerDev | undefined;

beforeAll(async () => {
  if (!ready) return;
  sqld = await startSqld();
  await migrateDatabase(createDatabase(sqld.client()), { embedded: false });
  const vars = {
    DATABASE_URL: sqld.url,
    ADMIN_PASSWORD,
    SERVER_SECRET: "edge-contract-secret-0123456789",
    SEED_DEMO: "1",
  };
  worker = await startWorker(vars);
  // biome-ignore lint/correctness/useHookAtTopLevel: a test-target switch named use*, not a React hook
  useWorkerTarget({ url: worker.url, sqldUrl: sqld.url, vars });
}, 120_000);

beforeEach((ctx) => {
  if (!ready) ctx.skip();
});

afterAll(async () => {
  useWorkerTarget(undefined);
  await worker?.stop();
  await sqld?.stop();
}, 30_000);
