/**
 * Which writer failures are 503 `storage_unavailable` (issue 12): only the storage refusing the
 * write. The writer's own consistency check (it inserted fewer rows than its reads promised) is a
 * fault of ours, answered 500 `internal`, and rolled back either way. Both on the real database:
 * a read-only connection, and a trigger that silently skips one insert.
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { DEMO, qrBody } from "../helpers/fixtures";

let t: TestApp;
let token: string;
beforeEach(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "1", QR_BLOCK_LIMIT: "2" } });
  token = (await t.createPoster(await t.login(), DEMO.community, "resident")).token;
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  t.close();
});

const post = (json: unknown) => t.request("/api/v1/responses", { method: "POST", json, ip: "10.9.9.9" });
const storedCount = async () => Number((await t.client.execute("select count(*) n from responses")).rows[0]!.n);
const rollupSum = async () => Number((await t.client.execute("select coalesce(sum(responses), 0) n from rollups")).rows[0]!.n);

it("answers 503 storage_unavailable when the database refuses writes, and stores nothing", async () => {
  await t.client.execute("PRAGMA query_only = 1");
  const res = await post(qrBody(token));
  expect(res.status).toBe(503);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("storage_unavailable");
  expect(body.error.message).toContain("写入已暂停");
  await t.client.execute("PRAGMA query_only = 0");
  expect(await storedCount()).toBe(0);
});

it("answers 500 internal, not 503, when the writer's consistency check fails, and rolls the batch back", async () => {
  const body = qrBody(token);
  // The insert skips this one row without an error: the writer's reads promised it, so it must refuse the batch.
  await t.client.execute(`create trigger skip_one before insert on responses when new.id = '${body.id}' begin select raise(ignore); end`);
  const before = await rollupSum();
  const res = await post(body);
  expect(res.status).toBe(500);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("internal");
  expect(await storedCount()).toBe(0);
  expect(await rollupSum()).toBe(before);
  expect(console.error).toHaveBeenCalledWith("unhandled error", expect.objectContaining({ name: "WriteConsistencyError" }));

  // The refused submission gave its burst slot back: with a flag limit of 1, the next one from the
  // same address is the first counted and is stored unflagged.
  await t.client.execute("drop trigger skip_one");
  const next = qrBody(token);
  expect((await post(next)).status).toBe(201);
  const row = (await t.client.execute({ sql: "select flagged from responses where id = ?", args: [next.id] })).rows[0]!;
  expect(row.flagged).toBe(0);
});
