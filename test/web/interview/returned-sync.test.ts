/**
 * Issue 16: an interview a supervisor returned reaches its interviewer's tablet on the next sync,
 * with the reason, and stays in the tablet's list offline (catalog store); another interviewer's
 * tablet never receives it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openInterviewDb, type InterviewDb } from "../../../web/features/interview/lib/interview-db";
import type { Pull } from "../../../web/features/interview/sync/returned-pull";
import { createSyncEngine } from "../../../web/features/interview/sync/sync-engine";
import { NetworkError } from "../../../web/features/interview/sync/transport";
import { createTestApp, type TestApp } from "../../helpers/test-app";
import { appTransport, fakeTime, visitItem } from "./sync-fixtures";

const SUB = "500104001000";
let t: TestApp;
let time: ReturnType<typeof fakeTime>;
let db: InterviewDb;
let version: number;
let dbSeq = 0;
let office: string;
const zhang = { cookie: "" };
const li = { cookie: "" };

beforeEach(async () => {
  time = fakeTime();
  t = await createTestApp({ clock: time.clock });
  const admin = await t.login();
  zhang.cookie = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  li.cookie = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: SUB });
  office = await t.createUser(admin, { username: "jiedao", password: "pass-word-1", role: "office", scope: SUB });
  version = ((await (await t.request("/api/v1/surveys/resident")).json()) as { version: number }).version;
  db = await openInterviewDb(`returned-${++dbSeq}`);
}, 60_000);
afterEach(() => {
  db.close();
  t.close();
});

/** GETs from the real app with the session cookie; `offline` makes it throw like a dead network. */
function appPull(session: { cookie: string }, state = { offline: false }): Pull {
  return async (path) => {
    if (state.offline) throw new NetworkError("offline");
    const res = await t.request(path, { cookie: session.cookie });
    return { status: res.status, body: await res.json() };
  };
}

describe("returned interviews on the tablet", () => {
  it("arrive with the reason on the next sync, stay offline, and only on their interviewer's tablet", async () => {
    const net = { offline: false };
    const engine = createSyncEngine({
      store: db,
      owner: "zhang",
      transport: appTransport(t, zhang).transport,
      timers: time.timers,
      pull: appPull(zhang, net),
    });
    await engine.start();
    const item = visitItem("zhang", version, "completed", { household: "7栋1单元502" });
    await engine.enqueue(item);
    for (let i = 0; i < 500 && engine.snapshot().phase === "syncing"; i++) await new Promise((r) => setTimeout(r, 2));
    expect(engine.snapshot()).toMatchObject({ synced: 1, returned: [] });

    const res = await t.request(`/api/v1/field-review/interviews/${item.response!.id}/state`, {
      method: "POST",
      cookie: office,
      json: { state: "returned", reason: "受访者年龄不符，请重访" },
    });
    expect(res.status).toBe(200);

    await engine.syncNow();
    expect(engine.snapshot().returned).toMatchObject([
      {
        id: item.response!.id,
        reason: "受访者年龄不符，请重访",
        household: "7栋1单元502",
        unitName: expect.any(String),
        reviewedBy: "jiedao",
      },
    ]);
    engine.stop();

    // Offline after a reload: the list comes from the tablet's own store.
    net.offline = true;
    const again = createSyncEngine({
      store: db,
      owner: "zhang",
      transport: appTransport(t, zhang).transport,
      timers: time.timers,
      pull: appPull(zhang, net),
    });
    await again.start();
    expect(again.snapshot().returned.map((r) => r.reason)).toEqual(["受访者年龄不符，请重访"]);
    again.stop();

    const liEngine = createSyncEngine({
      store: db,
      owner: "li",
      transport: appTransport(t, li).transport,
      timers: time.timers,
      pull: appPull(li),
    });
    await liEngine.start();
    expect(liEngine.snapshot().returned).toEqual([]);
    liEngine.stop();

    // Approved after the re-visit: the next sync clears it from the list.
    expect(
      (
        await t.request(`/api/v1/field-review/interviews/${item.response!.id}/state`, {
          method: "POST",
          cookie: office,
          json: { state: "approved" },
        })
      ).status,
    ).toBe(200);
    net.offline = false;
    const third = createSyncEngine({
      store: db,
      owner: "zhang",
      transport: appTransport(t, zhang).transport,
      timers: time.timers,
      pull: appPull(zhang, net),
    });
    await third.start();
    expect(third.snapshot().returned).toEqual([]);
    third.stop();
  });
});
