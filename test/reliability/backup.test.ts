/**
 * Backup and restore (issue 8, item 5): `npm run backup` (server/scripts/backup.ts) runs against a
 * server process's file while 20 clients keep writing. The snapshot passes integrity_check, holds
 * every response acknowledged before the backup started, is internally consistent (its rollups
 * equal a rebuild from its own responses), and restores as docs/operations.md says: stop, replace
 * the file, remove -wal/-shm, start; the restored server recognises those responses as duplicates.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { systemClock } from "../../server/lib/clock";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { createSurveyRegistry } from "../../server/services/surveys/survey-registry";
import { DEMO, validAnswers } from "../helpers/fixtures";
import { freePort } from "../helpers/processes";
import { adminCookie, openFile, rollupRows, setUpPosters, sleep, startServerProcess, type ServerProcess } from "./lib/server-process";

const dir = mkdtempSync(join(tmpdir(), "cw-backup-"));
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
  rmSync(dir, { recursive: true, force: true });
});

function runBackup(dbPath: string, target: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/scripts/backup.ts", target], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("npm run backup while writes go on", () => {
  it("snapshot is consistent, complete up to its start, and restores", async () => {
    const dbPath = join(dir, "survey.db");
    const port = await freePort();
    const server = await startServerProcess({ dbPath, port, logDir: dir, name: "server" });
    servers.push(server);
    const cookie = await adminCookie(server.url);
    const { posters, versions } = await setUpPosters(server.url, cookie, [
      [DEMO.community, "resident"],
      [DEMO.otherSubdistrictCommunity, "resident"],
    ]);
    const pool = Array.from({ length: 20 }, (_, i) => validAnswers("resident", 5_000 + i));
    const bodies = new Map<string, string>();
    const acked: { id: string; at: number }[] = [];
    let stop = false;
    let sent = 0;
    const MAX = 4000;

    async function writer(w: number) {
      while (!stop && sent < MAX) {
        const n = sent++;
        const poster = posters[n % posters.length]!;
        const body = JSON.stringify({
          id: crypto.randomUUID(),
          surveyId: "resident",
          surveyVersion: versions.resident,
          channel: "qr",
          token: poster.token,
          answers: pool[n % pool.length],
          startedAt: new Date(Date.now() - 300_000).toISOString(),
          completedAt: new Date().toISOString(),
          deviceId: `backup-${w}-${n}`,
        });
        const id = (JSON.parse(body) as { id: string }).id;
        bodies.set(id, body);
        const res = await fetch(`${server.url}/api/v1/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await res.arrayBuffer();
        if (res.status === 201) acked.push({ id, at: performance.now() });
      }
    }
    const writers = Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
    while (acked.length < 300) await sleep(10);

    const backupStarted = performance.now();
    const ackedBefore = acked.filter((a) => a.at < backupStarted).map((a) => a.id);
    const copyPath = join(dir, "snapshot.db");
    const backup = await runBackup(dbPath, copyPath);
    const ackedDuring = acked.length - ackedBefore.length;
    await sleep(200);
    stop = true;
    await writers;
    console.log(
      `backup: ${ackedBefore.length} acknowledged before it started, ${ackedDuring} while it ran; ${backup.output.trim().replace(/\n\s*/g, " | ")}`,
    );
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain(`backup: ${copyPath}`);
    expect(backup.output).toContain("integrity_check: ok");
    // Writes went on while the snapshot ran.
    expect(ackedDuring).toBeGreaterThan(0);

    const copy = openFile(copyPath);
    try {
      expect((await copy.$client.execute("PRAGMA integrity_check")).rows[0]![0]).toBe("ok");
      const ids = new Set((await copy.$client.execute("select id from responses")).rows.map((r) => String(r.id)));
      expect(
        ackedBefore.filter((id) => !ids.has(id)),
        "acknowledged before the backup, missing from it",
      ).toEqual([]);
      expect(
        [...ids].filter((id) => !bodies.has(id)),
        "rows nobody sent",
      ).toEqual([]);
      const inCopy = await rollupRows(copy);
      await rebuildRollups(copy, createSurveyRegistry(copy, systemClock));
      expect(await rollupRows(copy), "the snapshot's rollups match its responses").toEqual(inCopy);
    } finally {
      copy.$client.close();
    }

    // Restore as docs/operations.md says: stop, replace the file, drop -wal/-shm, start.
    await server.stop();
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    copyFileSync(copyPath, dbPath);
    const restored = await startServerProcess({ dbPath, port, logDir: dir, name: "restored" });
    servers.push(restored);
    expect((await fetch(`${restored.url}/api/v1/surveys`)).status).toBe(200);
    for (const id of ackedBefore.slice(0, 50)) {
      const res = await fetch(`${restored.url}/api/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: bodies.get(id)!,
      });
      expect(res.status).toBe(200);
    }
    await restored.stop();
  });
});
