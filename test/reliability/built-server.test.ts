/**
 * `npm start` runs the built entry (dist/server/node.mjs, server/scripts/build-server.ts), not
 * the TypeScript: this builds it as `npm run build` does and starts it with plain node on an empty
 * file database. It must find its migrations and survey files from the repository root, seed the
 * demo city, serve the API and stop cleanly, exactly as the tsx entry does.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startGroup, waitUntil } from "../helpers/processes";

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "cw-built-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the built Node entry", () => {
  it("starts from dist/server/node.mjs without tsx, migrates, seeds and serves the API", async () => {
    execFileSync(process.execPath, ["--import", "tsx", "server/scripts/build-server.ts"], { cwd: root, stdio: "pipe" });
    const entry = path.join(root, "dist/server/node.mjs");
    expect(existsSync(entry)).toBe(true);
    const port = await freePort();
    const file = path.join(dir, "built.db");
    const server = startGroup(process.execPath, ["--enable-source-maps", entry], {
      cwd: dir, // not the repository: paths must come from the entry's own location
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${file}`,
        ADMIN_PASSWORD: "built-entry-password-1",
      },
      logDir: dir,
      name: "built-server",
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntil("built server", async () => (await fetch(`${base}/api/v1/surveys`)).status === 200, {
        timeoutMs: 30_000,
        process: server,
      });
      const surveys = (await (await fetch(`${base}/api/v1/surveys`)).json()) as { id: string }[];
      expect(surveys.map((s) => s.id).sort()).toEqual(["parent", "resident", "shopkeeper"]);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ username: "admin", password: "built-entry-password-1" }),
      });
      expect(login.status).toBe(200);
      expect(server.tail()).toContain("创文问卷 is running");
    } finally {
      await server.stop();
    }
    // Every committed migration was applied from server/db/migrations, though the entry is in dist/.
    const client = createClient({ url: `file:${file}` });
    const applied = await client.execute("select count(*) as n from __drizzle_migrations");
    client.close();
    const journal = (await import("../../server/db/migrations/meta/_journal.json")).default;
    expect(Number(applied.rows[0]!.n)).toBe(journal.entries.length);
  });
});
