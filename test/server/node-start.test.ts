/**
 * A Node start that cannot listen leaves the database as it was: no migration, no new survey
 * version published (issue 15: a start on a busy port used to publish and then fail).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { startNodeServer } from "../../server/node";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function occupyPort(): Promise<{ blocker: Server; port: number }> {
  return new Promise((resolve) => {
    const blocker = createServer();
    blocker.listen(0, "127.0.0.1", () => {
      const address = blocker.address();
      resolve({ blocker, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

describe("node start", () => {
  it("refuses a busy port before touching the database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cw-start-"));
    dirs.push(dir);
    const file = path.join(dir, "survey.db");
    const { blocker, port } = await occupyPort();
    try {
      await expect(
        startNodeServer({ port, host: "127.0.0.1", databaseUrl: `file:${file}`, adminPassword: "start-test-password-1", quiet: true }),
      ).rejects.toThrow(/in use/);
    } finally {
      blocker.close();
    }
    // Nothing written: the database file was never even created with tables.
    if (existsSync(file)) {
      const client = createClient({ url: `file:${file}` });
      const tables = (await client.execute("select name from sqlite_master where type = 'table'")).rows;
      client.close();
      expect(tables.map((t) => t.name)).not.toContain("survey_versions");
    }
  });

  it("starts on a free port and publishes the shipped surveys", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cw-start-"));
    dirs.push(dir);
    const file = path.join(dir, "survey.db");
    const server = await startNodeServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: `file:${file}`,
      adminPassword: "start-test-password-1",
      quiet: true,
    });
    try {
      expect((await fetch(`${server.url}/api/v1/surveys/resident`)).status).toBe(200);
      expect(server.boot.published.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
