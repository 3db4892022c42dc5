/**
 * POST /api/v1/devices/discards: a tablet's report that its interviewer discarded a refused
 * (需处理) item lands in the audit log once, with the reason and the item's summary, and the
 * district admin reads it in GET /admin/audit.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app";

const SUB = "500104001000";

let t: TestApp;
let admin: string;
let interviewer: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
  interviewer = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
});
afterEach(() => t.close());

function report(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    kind: "visit",
    deviceId: "tablet-1",
    reason: "户号录错，已在本机重新登记",
    summary: {
      unitCode: "500110001001",
      surveyId: "resident",
      household: "3栋2单元501",
      outcome: "refused",
      visitedAt: "2026-11-20T02:30:00Z",
      refusal: { status: 403, code: "forbidden" },
    },
    ...overrides,
  };
}

const post = (body: unknown, cookie: string | null = interviewer) =>
  t.request("/api/v1/devices/discards", { method: "POST", cookie: cookie ?? undefined, json: body });

async function entries() {
  const r = await t.client.execute(
    "select actor, target, before, after, scope_unit from audit_log where action = 'field.discard' order by id",
  );
  return r.rows.map((row) => ({
    actor: row.actor,
    target: row.target,
    before: JSON.parse(String(row.before)),
    after: JSON.parse(String(row.after)),
    scopeUnit: row.scope_unit,
  }));
}

describe("discard reports", () => {
  it("writes one audit entry with the reason and summary, filed under the interviewer's scope", async () => {
    const body = report();
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ clientId: body.clientId, status: "recorded" });
    expect(await entries()).toEqual([
      {
        actor: "zhang",
        target: body.clientId,
        before: { kind: "visit", ...body.summary },
        after: { discarded: true, reason: body.reason, deviceId: "tablet-1" },
        scopeUnit: SUB,
      },
    ]);
  });

  it("answers a resend of the same client id as a duplicate and records nothing new", async () => {
    const body = report();
    expect((await post(body)).status).toBe(201);
    const again = await post({ ...body, reason: "再次发送" });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe("duplicate");
    expect(await entries()).toHaveLength(1);
  });

  it("refuses a report without a reason (422) and stores nothing", async () => {
    const res = await post(report({ reason: " " }));
    expect(res.status).toBe(422);
    expect(await entries()).toEqual([]);
  });

  it("is in the audit log the district admin reads", async () => {
    const body = report();
    await post(body);
    const res = await t.request("/api/v1/admin/audit?action=field.discard", { cookie: admin });
    expect(res.status).toBe(200);
    const text = JSON.stringify(await res.json());
    expect(text).toContain(body.clientId);
    expect(text).toContain(body.reason);
  });
});
