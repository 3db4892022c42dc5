/**
 * The ingest baseline (docs/benchmarks.md): a bare Hono + @libsql/client endpoint that inserts
 * one row per request with no validation, on an embedded file with the same pragmas as ours.
 */
import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import { Hono } from "hono";

const client = createClient({ url: process.env.DATABASE_URL ?? "file:/tmp/bare.db", timeout: 5000 });
// The same durability as ours: WAL, synchronous FULL (SQLite's default): every commit is on disk.
await client.execute("PRAGMA journal_mode = WAL");
await client.execute("create table if not exists responses (id text primary key, body text not null, received_at text not null)");

const app = new Hono()
  .get("/healthz", (c) => c.text("ok"))
  .post("/api/v1/responses", async (c) => {
    const body = await c.req.json<{ id: string }>();
    await client.execute({
      sql: "insert into responses (id, body, received_at) values (?, ?, ?)",
      args: [body.id, JSON.stringify(body), new Date().toISOString()],
    });
    return c.json({ id: body.id, status: "accepted" }, 201);
  });

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
