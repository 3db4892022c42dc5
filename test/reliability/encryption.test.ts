/**
 * Encryption at rest on the real Node entry (issue 19): server/node.ts in its own process with
 * DATABASE_ENCRYPTION_KEY stores a response in an encrypted file (no plaintext of it on disk),
 * reads it back after a restart, refuses to start without the key or with a wrong one (saying so,
 * never printing a key), and `npm run backup` of the running server restores with the same key.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { isEncryptedFile } from "../../server/db/encryption";
import { DEMO, eligibleAnswers } from "../helpers/fixtures";
import { freePort, startGroup } from "../helpers/processes";
import { runScript } from "../helpers/run-script";
import { adminCookie, RELIABILITY_ADMIN_PASSWORD, setUpPosters, startServerProcess, type ServerProcess } from "./lib/server-process";

const dir = mkdtempSync(join(tmpdir(), "cw-encrypted-server-"));
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
  rmSync(dir, { recursive: true, force: true });
});

const KEY = "reliability-key-0123456789-abcdefghijklmnop";
const WRONG_KEY = "reliability-wrong-key-9876543210-ZYXWVUTSRQ";
const MARKER = "住在幸福小区3栋的张先生，电话13800138000";

/** Starts server/node.ts on the file and waits for it to exit; its exit code and log. */
async function failedStart(dbPath: string, port: number, name: string, env: Record<string, string>) {
  const proc = startGroup(process.execPath, ["--import", "tsx", "server/node.ts"], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbPath}`,
      ADMIN_PASSWORD: RELIABILITY_ADMIN_PASSWORD,
      ...env,
    },
    logDir: dir,
    name,
  });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 60_000);
    proc.child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  await proc.stop(1_000);
  return { code, log: readFileSync(proc.logFile, "utf8") };
}

async function storedAnswers(dbPath: string, id: string): Promise<Record<string, unknown> | undefined> {
  const client = createClient({ url: `file:${dbPath}`, encryptionKey: KEY });
  try {
    const rs = await client.execute({ sql: "select answers from responses where id = ?", args: [id] });
    return rs.rows[0] ? (JSON.parse(String(rs.rows[0].answers)) as Record<string, unknown>) : undefined;
  } finally {
    client.close();
  }
}

describe("the Node server on an encrypted file", () => {
  it("stores encrypted, reads back after a restart, refuses without the key, and restores a backup", async () => {
    const dbPath = join(dir, "survey.db");
    const port = await freePort();
    const env = { DATABASE_ENCRYPTION_KEY: KEY };
    const first = await startServerProcess({ dbPath, port, logDir: dir, name: "first", env });
    servers.push(first);
    const cookie = await adminCookie(first.url);
    const { posters, versions } = await setUpPosters(first.url, cookie, [[DEMO.community, "resident"]]);
    const submit = async (url: string, body: string) =>
      fetch(`${url}/api/v1/responses`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const response = (id: string) =>
      JSON.stringify({
        id,
        surveyId: "resident",
        surveyVersion: versions.resident,
        channel: "qr",
        token: posters[0]!.token,
        answers: { ...eligibleAnswers("resident"), suggestions: MARKER },
        startedAt: new Date(Date.now() - 300_000).toISOString(),
        completedAt: new Date().toISOString(),
        deviceId: `encrypted-${id}`,
      });
    const firstId = crypto.randomUUID();
    const firstBody = response(firstId);
    expect((await submit(first.url, firstBody)).status).toBe(201);

    // A backup of the running server: encrypted under the same key.
    const snapshot = join(dir, "snapshot.db");
    const backup = await runScript("server/scripts/backup.ts", { DATABASE_URL: `file:${dbPath}`, DATABASE_ENCRYPTION_KEY: KEY }, [
      snapshot,
    ]);
    expect(backup.code, backup.output).toBe(0);
    expect(isEncryptedFile(snapshot)).toBe(true);
    // A response after the backup, which a restore of the snapshot does not have.
    const laterBody = response(crypto.randomUUID());
    expect((await submit(first.url, laterBody)).status).toBe(201);
    await first.stop();

    const onDisk = Buffer.concat([dbPath, `${dbPath}-wal`, snapshot].filter(existsSync).map((p) => readFileSync(p)));
    expect(onDisk.includes(Buffer.from("13800138000"))).toBe(false);
    expect(onDisk.includes(Buffer.from("幸福小区"))).toBe(false);
    expect(isEncryptedFile(dbPath)).toBe(true);
    // The snapshot opens with the key and holds what was stored before it. (The live file is read
    // only at the end: this process must hold no connection to it while it is replaced.)
    expect((await storedAnswers(snapshot, firstId))?.suggestions).toBe(MARKER);

    // Without the key, or with a wrong one, the server does not start, and says why.
    const noKey = await failedStart(dbPath, port, "no-key", {});
    expect(noKey.code).not.toBe(0);
    expect(noKey.log).toMatch(/is encrypted and DATABASE_ENCRYPTION_KEY is not set/);
    const wrongKey = await failedStart(dbPath, port, "wrong-key", { DATABASE_ENCRYPTION_KEY: WRONG_KEY });
    expect(wrongKey.code).not.toBe(0);
    expect(wrongKey.log).toMatch(/DATABASE_ENCRYPTION_KEY does not open .* the key is wrong/);
    expect(wrongKey.log).not.toContain(WRONG_KEY);

    // With the key, after the restart, both responses are there (a resend is a duplicate).
    const again = await startServerProcess({ dbPath, port, logDir: dir, name: "again", env });
    servers.push(again);
    expect((await submit(again.url, firstBody)).status).toBe(200);
    expect((await submit(again.url, laterBody)).status).toBe(200);
    await again.stop();

    // Restore as docs/operations.md says: stop, drop -wal/-shm, put the snapshot in place, start with the same key.
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    copyFileSync(snapshot, dbPath);
    const restored = await startServerProcess({ dbPath, port, logDir: dir, name: "restored", env });
    servers.push(restored);
    expect((await submit(restored.url, firstBody)).status).toBe(200);
    // The response sent after the backup is not in it: the client's resend stores it again.
    expect((await submit(restored.url, laterBody)).status).toBe(201);
    await restored.stop();
    expect((await storedAnswers(dbPath, firstId))?.suggestions).toBe(MARKER);
  });
});
