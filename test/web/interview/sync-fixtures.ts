/**
 * Pieces for testing the sync engine against the real app: a fake clock that drives both the
 * app's clock and the engine's timers, a transport with a cookie that calls `app.request`, and
 * visit/response payloads built with the shared answer generator.
 */
import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import residentJson from "../../../surveys/resident.json";
import type { Timers } from "../../../web/features/interview/sync/sync-engine";
import { NetworkError, type Transport } from "../../../web/features/interview/sync/transport";
import { newQueueItem } from "../../../web/features/interview/sync/queue-item";
import type { QueueItem, VisitOutcome } from "../../../web/features/interview/sync/types";
import { generateAnswers, seededRng } from "../../helpers/answer-generator";
import type { TestApp } from "../../helpers/test-app";

export const COMMUNITY = "500104001001";

/** Real time for the app's async work, fake time for the engine's waits. */
export function fakeTime(start = Date.parse("2026-11-20T02:00:00Z")) {
  let now = start;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void due.delete(id as number),
  };
  return {
    clock: { now: () => new Date(now) },
    timers,
    /** Delays of the timers now waiting, in ms from now. */
    waiting: () => [...due.values()].map((d) => d.at - now),
    /** Moves time forward, firing due timers in order; `settle` waits for what they started. */
    async advance(ms: number, settle: () => Promise<void>) {
      const target = now + ms;
      for (;;) {
        const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > target) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await settle();
      }
      now = target;
    },
    set(ms: number) {
      now = ms;
    },
  };
}

export type FlakyRule = (path: string, call: number) => "ok" | "drop_request" | "drop_reply";

/**
 * POSTs to the real app with a session cookie. `flaky` can drop a request before it reaches the
 * server, or drop the reply after the server committed (a lost reply).
 */
export function appTransport(t: TestApp, session: { cookie: string }, flaky: FlakyRule = () => "ok") {
  const calls: { path: string; status: number | "dropped" | "lost" }[] = [];
  const transport: Transport = async (path, body) => {
    const fate = flaky(path, calls.length);
    if (fate === "drop_request") {
      calls.push({ path, status: "dropped" });
      throw new NetworkError("offline");
    }
    const res = await t.request(path, { method: "POST", json: body, cookie: session.cookie });
    const text = await res.text();
    if (fate === "drop_reply") {
      calls.push({ path, status: "lost" });
      throw new NetworkError("connection reset");
    }
    calls.push({ path, status: res.status });
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, retryAfterMs: null };
  };
  return { transport, calls };
}

let seed = 100;

/** A queue item for one visit; 完成 carries a valid generated response unless `answers` is given. */
export function visitItem(
  owner: string,
  surveyVersion: number,
  outcome: VisitOutcome,
  options: { now?: Date; answers?: Record<string, unknown>; household?: string } = {},
): QueueItem {
  const now = options.now ?? new Date("2026-11-20T02:00:00Z");
  const responseId = outcome === "completed" ? randomUUID() : null;
  const startedAt = new Date(now.getTime() - 10 * 60_000).toISOString();
  return newQueueItem({
    owner,
    unitName: "民主社区",
    now,
    visit: {
      id: randomUUID(),
      unitCode: COMMUNITY,
      surveyId: "resident",
      household: options.household ?? `${seed}号`,
      outcome,
      responseId,
      visitedAt: startedAt,
      deviceId: "tablet-1",
      durationMs: 600_000,
      latitude: 29.48,
      longitude: 106.48,
      accuracyM: 15,
    },
    response: responseId
      ? {
          id: responseId,
          surveyId: "resident",
          surveyVersion,
          channel: "interview",
          answers: options.answers ?? generateAnswers(residentJson, seededRng(seed++)),
          startedAt,
          completedAt: now.toISOString(),
          deviceId: "tablet-1",
          unitCode: COMMUNITY,
        }
      : null,
  });
}

export async function serverCounts(t: TestApp) {
  const r = await t.client.execute("select (select count(*) from responses) as responses, (select count(*) from visits) as visits");
  return { responses: Number(r.rows[0]!.responses), visits: Number(r.rows[0]!.visits) };
}
