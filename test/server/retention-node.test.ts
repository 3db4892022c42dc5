/**
 * The retention job as server/node.ts runs it: on its own timer beside the requests, replacing a
 * due value in the database the server serves and logging the run for admins.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startNodeServer, type NodeServer } from "../../server/node";
import { DEMO } from "../helpers/fixtures";

const dir = mkdtempSync(join(tmpdir(), "cw-retention-"));
let server: NodeServer | undefined;
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("runs on Node's timer and logs each run", { timeout: 120_000 }, async () => {
  server = await startNodeServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: `file:${join(dir, "node.db")}`,
    adminPassword: "retention-test-pass-1",
    quiet: true,
    env: { RETENTION_INTERVAL_SECONDS: "0.2", WEBHOOK_INTERVAL_SECONDS: "0" },
  });
  // A visit from two years ago with a GPS fix, written straight to the table: due under the defaults.
  await server.db.$client.execute({
    sql: `insert into visits (id, unit_code, survey_id, household, outcome, interviewer, device_id, visited_at, day, received_at, latitude, longitude, accuracy_m, content_hash)
          values ('00000000-0000-4000-8000-000000000001', ?, 'resident', '9栋9号', 'refused', 'zhang', 'tablet', '2024-05-01T02:00:00.000Z', '2024-05-01', '2024-05-01T02:00:00.000Z', 29.123456, 106.654321, 5, 'x')`,
    args: [DEMO.community],
  });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ username: "admin", password: "retention-test-pass-1" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  let runs: { kind: string; rowsChanged: number; finishedAt: string | null }[] = [];
  for (let i = 0; i < 200 && !runs.some((r) => r.kind === "household" && r.rowsChanged === 1); i++) {
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${server.url}/api/v1/settings/retention/runs`, { headers: { cookie } });
    runs = ((await res.json()) as { runs: typeof runs }).runs;
  }
  expect(
    runs
      .filter((r) => r.rowsChanged === 1)
      .map((r) => r.kind)
      .sort(),
  ).toEqual(["gps", "household"]);
  const row = (await server.db.$client.execute("select household, latitude, longitude, accuracy_m, gps_retention from visits")).rows[0]!;
  expect({ ...row }).toMatchObject({ latitude: 29.12, longitude: 106.65, accuracy_m: null, gps_retention: "coarse" });
  expect(String(row.household)).toMatch(/^匿名户-[0-9a-f]{16}$/);
});
