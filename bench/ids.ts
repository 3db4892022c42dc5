/**
 * Id bench (docs/benchmarks.md, "Random or time-ordered ids"): does a random UUIDv4 primary key
 * cost the writer more than a time-ordered UUIDv7 as the responses table grows? The real writer
 * (batches of 25, rollups, a durable commit) on an embedded file, alternating v4 and v7 batches,
 * at an almost empty table and again after prefilling BENCH_ROWS random-id responses.
 *
 *   npx tsx bench/ids.ts                 # prefill 1,000,000
 *   BENCH_ROWS=200000 npx tsx bench/ids.ts
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { loadConfig } from "../server/config";
import { createDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { placeholders } from "../server/db/sql-executor";
import { bootstrapDatabase } from "../server/services/setup/bootstrap";
import { extractMetricQuestions } from "../server/services/rates/metric-definitions";
import { extractCommentQuestions } from "../server/services/comments/comment-questions";
import { extractDistributionQuestions } from "../server/services/distributions/distribution-questions";
import { createResponseWriter, type NewResponse } from "../server/services/ingest/response-writer";
import { shippedSurveys } from "../surveys/index";
import { generateAnswers, seededRng } from "../test/helpers/answer-generator";
import { uuidV7 } from "../web/lib/uuid";
import { median } from "./lib/load";
import { report } from "./lib/report";

const PREFILL = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const BATCH = 25;

const dir = mkdtempSync(path.join(tmpdir(), "cw-ids-"));
const file = path.join(dir, "ids.db");
const client = createClient({ url: `file:${file}` });
const db = createDatabase(client);
await migrateDatabase(db, { embedded: true });
await bootstrapDatabase(db, loadConfig({ ADMIN_PASSWORD: "bench-password-1" }), shippedSurveys, new Date());

const resident = shippedSurveys.find((s) => s.id === "resident")!;
const metricQuestions = extractMetricQuestions(resident.json);
const commentQuestions = extractCommentQuestions(resident.json);
const distributionQuestions = extractDistributionQuestions(resident.json);
const rng = seededRng(3);
const pool = Array.from({ length: 200 }, () => generateAnswers(resident.json, rng));
const communities = (await client.execute("select code from units where kind = 'community'")).rows.map((r) => String(r.code));

const uuidV4 = () => crypto.randomUUID();

let n = 0;
function response(id: string): NewResponse {
  const i = n++;
  const answers = pool[i % pool.length]!;
  const at = new Date().toISOString();
  return {
    id,
    surveyId: "resident",
    surveyVersion: 1,
    unitCode: communities[i % communities.length]!,
    channel: "qr",
    answers: JSON.stringify(answers),
    answerValues: answers,
    startedAt: at,
    completedAt: at,
    day: at.slice(0, 10),
    receivedAt: at,
    deviceId: `dev-${i}-${Math.random()}`,
    interviewer: null,
    posterId: null,
    sourceHash: "bench",
    contentHash: `h${i}`,
    flagReasons: [],
    metricQuestions,
    commentQuestions,
    distributionQuestions,
  };
}

/** Alternating v4 and v7 batches through the real writer; microseconds per response, medians. */
async function measure(label: string) {
  const writer = createResponseWriter(db, { maxBatch: BATCH });
  const times: Record<"v4" | "v7", number[]> = { v4: [], v7: [] };
  for (let b = 0; b < BATCHES; b++) {
    for (const kind of b % 2 === 0 ? (["v4", "v7"] as const) : (["v7", "v4"] as const)) {
      const batch = Array.from({ length: BATCH }, () => response(kind === "v4" ? uuidV4() : uuidV7()));
      const t = performance.now();
      await Promise.all(batch.map((r) => writer.submit(r)));
      times[kind].push(((performance.now() - t) * 1000) / BATCH);
    }
  }
  const rows = Number((await client.execute("select count(*) as n from responses")).rows[0]!.n);
  const v4 = median(times.v4);
  const v7 = median(times.v7);
  console.log(
    `  ${label} (${rows.toLocaleString("en")} rows): v4 ${v4.toFixed(0)} µs/response, v7 ${v7.toFixed(0)} µs/response, v4/v7 ${(v4 / v7).toFixed(2)}`,
  );
  return { rows, v4, v7 };
}

/** Random-id rows straight into the table (no rollups: they do not grow with responses). */
async function prefill(count: number) {
  const columns =
    "id, survey_id, survey_version, unit_code, channel, answers, started_at, completed_at, day, received_at, device_id, source_hash, content_hash";
  const per = 13;
  const started = performance.now();
  for (let done = 0; done < count; ) {
    const size = Math.min(2000, count - done);
    const tx = await client.transaction("write");
    for (let k = 0; k < size; k += 100) {
      const rows = Array.from({ length: Math.min(100, size - k) }, () => response(uuidV4()));
      await tx.execute({
        sql: `insert into responses (${columns}) values ${rows.map(() => `(${placeholders(per)})`).join(", ")}`,
        args: rows.flatMap((r) => [
          r.id,
          r.surveyId,
          r.surveyVersion,
          r.unitCode,
          r.channel,
          r.answers,
          r.startedAt,
          r.completedAt,
          r.day,
          r.receivedAt,
          r.deviceId,
          r.sourceHash ?? null,
          r.contentHash,
        ]),
      });
    }
    await tx.commit();
    done += size;
    if (done % 200_000 === 0)
      console.log(`    prefilled ${done.toLocaleString("en")} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}

try {
  const small = await measure("small table");
  await prefill(PREFILL);
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  console.log(`    database file ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`);
  const large = await measure("large table");
  for (const [table, r] of [
    ["small", small],
    ["large", large],
  ] as const) {
    report("ids", {
      table,
      rows: r.rows,
      v4UsPerResponse: Math.round(r.v4),
      v7UsPerResponse: Math.round(r.v7),
      v4OverV7: +(r.v4 / r.v7).toFixed(2),
    });
  }
} finally {
  client.close();
  rmSync(dir, { recursive: true, force: true });
}
