/**
 * 问题清单 (issue 14): who sees and changes which items, status moves, reassignment on both
 * sides of the scope, audit entries, and refusals that store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, DEMO, eligibleAnswers } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { seedResponse } from "./rates-fixtures";

let t: TestApp;
const who: Record<string, string> = {};
let commentResponse: string;
let qijiangResponse: string;

beforeAll(async () => {
  t = await createTestApp();
  who.root = await t.login();
  const make = (username: string, role: "admin" | "office" | "interviewer", scope: string) =>
    t.createUser(who.root!, { username, password: "issue-pass-1", role, scope });
  who.admin = await make("ddk-admin", "admin", DEMO.dadukou);
  who.office = await make("ddk-office", "office", DEMO.dadukou);
  who.assigned = await make("ms-office", "office", DEMO.community);
  who.neighbour = await make("gh-office", "office", DEMO.community2);
  who.outside = await make("qj-office", "office", DEMO.qijiang);
  who.interviewer = await make("ddk-int", "interviewer", DEMO.dadukou);
  who.anonymous = "";
  commentResponse = await seedResponse(t, { unitCode: DEMO.community, answers: { ...eligibleAnswers(), suggestions: "路灯坏了很久" } });
  qijiangResponse = await seedResponse(t, {
    unitCode: DEMO.qijiangCommunity,
    answers: { ...eligibleAnswers(), suggestions: "綦江的意见" },
  });
});
afterAll(() => t.close());

const send = (method: string, path: string, cookie: string, json?: unknown) =>
  t.request(`/api/v1/issue-items${path}`, { method, cookie: cookie || undefined, ...(json === undefined ? {} : { json }) });

async function createItem(cookie = who.office!, body: Record<string, unknown> = {}) {
  const res = await send("POST", "", cookie, { title: "路灯维修", unitCode: DEMO.community, ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as any;
}

const auditOf = async (id: number) =>
  (
    await t.client.execute({
      sql: "select actor, action, before, after, scope_unit from audit_log where action like 'issues.%' and target = ? order by id",
      args: [String(id)],
    })
  ).rows.map((r) => ({
    actor: String(r.actor),
    action: String(r.action),
    scope_unit: r.scope_unit === null ? null : String(r.scope_unit),
    before: r.before ? JSON.parse(String(r.before)) : null,
    after: JSON.parse(String(r.after)),
  }));

describe("问题清单 access matrix", () => {
  it("create: admin and office for a unit in scope; the assigned community may too; outside, interviewer and anonymous are refused", async () => {
    for (const cookie of [who.root!, who.admin!, who.office!, who.assigned!]) await createItem(cookie);
    expect((await send("POST", "", who.neighbour!, { title: "路灯维修", unitCode: DEMO.community })).status).toBe(403);
    expect((await send("POST", "", who.outside!, { title: "路灯维修", unitCode: DEMO.community })).status).toBe(403);
    expect((await send("POST", "", who.interviewer!, { title: "路灯维修", unitCode: DEMO.community })).status).toBe(403);
    expect((await send("POST", "", "", { title: "路灯维修", unitCode: DEMO.community })).status).toBe(401);
  });

  it("list / get / update: whoever's scope holds the assigned unit; not a neighbour, another district, an interviewer or anonymous", async () => {
    const item = await createItem(who.office!, { title: "矩阵条目" });
    const allowed = {
      root: true,
      admin: true,
      office: true,
      assigned: true,
      neighbour: false,
      outside: false,
      interviewer: false,
      anonymous: false,
    };
    for (const [name, may] of Object.entries(allowed)) {
      const cookie = who[name]!;
      const refused = name === "anonymous" ? 401 : 403;
      const get = await send("GET", `/${item.id}`, cookie);
      expect(get.status, `get as ${name}`).toBe(may ? 200 : refused);
      const list = await send("GET", "", cookie);
      if (may)
        expect(
          ((await list.json()) as any).items.map((i: { id: number }) => i.id),
          `list as ${name}`,
        ).toContain(item.id);
      else if (name === "neighbour" || name === "outside") {
        // Their own scope lists fine, without the item; asking for the item's unit is 403.
        expect(((await list.json()) as any).items.map((i: { id: number }) => i.id)).not.toContain(item.id);
        expect((await send("GET", `?unit=${DEMO.community}`, cookie)).status).toBe(403);
      } else expect(list.status, `list as ${name}`).toBe(refused);
      const patch = await send("PATCH", `/${item.id}`, cookie, { note: `${name} 看过` });
      expect(patch.status, `update as ${name}`).toBe(may ? 200 : refused);
    }
    const notes = ((await (await send("GET", `/${item.id}`, who.office!)).json()) as any).notes.map((n: { author: string }) => n.author);
    expect(notes).toEqual(["admin", "ddk-admin", "ddk-office", "ms-office"]);
  });

  it("an unknown id is 404, a malformed one too", async () => {
    expect((await send("GET", "/999999", who.office!)).status).toBe(404);
    expect((await send("GET", "/abc", who.office!)).status).toBe(404);
    expect((await send("PATCH", "/999999", who.office!, { note: "x" })).status).toBe(404);
  });
});

describe("问题清单 changes", () => {
  it("from a comment: the comment lists the item; a comment outside the scope or unknown is refused", async () => {
    const item = await createItem(who.office!, { source: { responseId: commentResponse, question: "suggestions" }, note: "请尽快处理" });
    expect(item.source).toEqual({ responseId: commentResponse, question: "suggestions", text: "路灯坏了很久" });
    expect(item.notes).toMatchObject([{ author: "ddk-office", text: "请尽快处理" }]);
    const list = (await (await t.request("/api/v1/comments?q=%E8%B7%AF%E7%81%AF", { cookie: who.office })).json()) as any;
    expect(list.comments[0].issueIds).toEqual([item.id]);
    const before = await countRows(t, "issue_items");
    const out = await send("POST", "", who.office!, {
      title: "越权",
      unitCode: DEMO.community,
      source: { responseId: qijiangResponse, question: "suggestions" },
    });
    expect(out.status).toBe(403);
    const unknown = await send("POST", "", who.office!, {
      title: "未知",
      unitCode: DEMO.community,
      source: { responseId: crypto.randomUUID(), question: "suggestions" },
    });
    expect([unknown.status, ((await unknown.json()) as any).error.code]).toEqual([422, "unknown_comment"]);
    const unit = await send("POST", "", who.office!, { title: "未知单位", unitCode: "500104999999" });
    expect([unit.status, ((await unit.json()) as any).error.code]).toEqual([422, "unknown_unit"]);
    expect((await send("POST", "", who.office!, { title: "x", unitCode: DEMO.community })).status).toBe(422);
    expect(await countRows(t, "issue_items")).toBe(before);
  });

  it("status moves 待处理 → 已转办 → 已整改 → 待处理; a move not allowed is 422 and stores nothing", async () => {
    const item = await createItem();
    const patch = async (body: unknown, cookie = who.assigned!) => {
      const res = await send("PATCH", `/${item.id}`, cookie, body);
      return { status: res.status, body: (await res.json()) as any };
    };
    expect((await patch({ status: "forwarded", note: "已转交物业" })).body).toMatchObject({ status: "forwarded", resolvedAt: null });
    const resolved = await patch({ status: "resolved", note: "路灯已修好" });
    expect(resolved.body.status).toBe("resolved");
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    const auditBefore = await countRows(t, "audit_log");
    const notesBefore = await countRows(t, "issue_notes");
    const bad = await patch({ status: "forwarded", note: "不该存" });
    expect([bad.status, bad.body.error.code]).toEqual([422, "invalid_transition"]);
    expect((await patch({ status: "closed" })).status).toBe(422);
    expect((await patch({})).status).toBe(422);
    expect((await patch({ status: "resolved" })).body.error.code).toBe("no_change");
    expect((await patch({ dueDate: "2026-02-30" })).status).toBe(422);
    // Month 13 and a non-date are no day either: 422, not a RangeError (500) from the check.
    expect((await patch({ dueDate: "2026-13-45" })).status).toBe(422);
    expect((await patch({ dueDate: "ᶯ" })).status).toBe(422);
    expect(await countRows(t, "audit_log")).toBe(auditBefore);
    expect(await countRows(t, "issue_notes")).toBe(notesBefore);
    expect((await patch({ status: "open", note: "整改不到位" })).body).toMatchObject({ status: "open", resolvedAt: null });
    expect((await patch({ dueDate: "2026-12-31" })).body.dueDate).toBe("2026-12-31");
    expect((await patch({ dueDate: null })).body.dueDate).toBeNull();
  });

  it("reassigning checks the stored and the new unit: the community cannot hand it on, the district can, and outside is refused", async () => {
    const item = await createItem();
    expect((await send("PATCH", `/${item.id}`, who.assigned!, { unitCode: DEMO.community2 })).status).toBe(403);
    expect((await send("PATCH", `/${item.id}`, who.office!, { unitCode: DEMO.qijiangCommunity })).status).toBe(403);
    expect((await send("PATCH", `/${item.id}`, who.office!, { unitCode: "500104999999" })).status).toBe(422);
    const moved = await send("PATCH", `/${item.id}`, who.office!, { unitCode: DEMO.community2 });
    expect(((await moved.json()) as any).unit.code).toBe(DEMO.community2);
    // The first community no longer holds it; the second does.
    expect((await send("GET", `/${item.id}`, who.assigned!)).status).toBe(403);
    expect((await send("GET", `/${item.id}`, who.neighbour!)).status).toBe(200);
  });

  it("audits every change with actor, before, after and the unit whose admins may read it", async () => {
    const item = await createItem(who.office!, { note: "首条备注", dueDate: "2026-12-10" });
    await send("PATCH", `/${item.id}`, who.assigned!, { status: "resolved", note: "已整改" });
    await send("PATCH", `/${item.id}`, who.office!, { status: "open", unitCode: DEMO.community2 });
    const entries = await auditOf(item.id);
    expect(entries.map((e) => [e.actor, e.action, e.scope_unit])).toEqual([
      ["ddk-office", "issues.create", DEMO.community],
      ["ms-office", "issues.update", DEMO.community],
      ["ddk-office", "issues.update", DEMO.xinshancun],
    ]);
    expect(entries[0]!.after).toMatchObject({ status: "open", unitCode: DEMO.community, dueDate: "2026-12-10", note: "首条备注" });
    expect(entries[1]!.before).toMatchObject({ status: "open" });
    expect(entries[1]!.after).toMatchObject({ status: "resolved", note: "已整改" });
    expect(entries[2]!.after).toMatchObject({ status: "open", unitCode: DEMO.community2, note: null });
    // The district admin reads them in its audit log; the 綦江 office's scope is elsewhere.
    const log = (await (await t.request("/api/v1/admin/audit?action=issues.update", { cookie: who.admin })).json()) as any;
    expect(log.entries.map((e: { target: string }) => e.target)).toContain(String(item.id));
  });
});

describe("问题清单 list and summary", () => {
  it("filters by unit subtree and status and pages by cursor", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createItem(who.office!, { title: `分页 ${i}`, unitCode: DEMO.otherSubdistrictCommunity })).id);
    await send("PATCH", `/${ids[0]}`, who.office!, { status: "resolved" });
    const unit = "500104002000";
    const first = (await (await send("GET", `?unit=${unit}&limit=2`, who.office!)).json()) as any;
    expect(first.items.map((i: { id: number }) => i.id)).toEqual([ids[2], ids[1]]);
    const second = (await (await send("GET", `?unit=${unit}&limit=2&cursor=${first.nextCursor}`, who.office!)).json()) as any;
    expect([second.items.map((i: { id: number }) => i.id), second.nextCursor]).toEqual([[ids[0]], null]);
    const resolved = (await (await send("GET", `?unit=${unit}&status=resolved`, who.office!)).json()) as any;
    expect(resolved.items.map((i: { id: number }) => i.id)).toEqual([ids[0]]);
    expect(resolved.items[0].unit.path).toEqual(["重庆市", "大渡口区", expect.any(String), resolved.items[0].unit.name]);
  });

  it("summary counts by status per child, the unit's total, in scope only", async () => {
    const summaryOf = async (unit: string, cookie = who.office!) => {
      const res = await send("GET", `/summary?unit=${unit}`, cookie);
      return { status: res.status, body: (await res.json()) as any };
    };
    const before = (await summaryOf(DEMO.xinshancun)).body;
    const community = () => before.children.find((c: { code: string }) => c.code === DEMO.community);
    const item = await createItem();
    const after = (await summaryOf(DEMO.xinshancun)).body;
    const now = after.children.find((c: { code: string }) => c.code === DEMO.community);
    expect(now.open).toBe(community().open + 1);
    expect(now.unresolved).toBe(community().unresolved + 1);
    expect(after.total.unresolved).toBe(before.total.unresolved + 1);
    expect(after.total.unresolved).toBe(after.total.open + after.total.forwarded);
    await send("PATCH", `/${item.id}`, who.assigned!, { status: "resolved" });
    const resolved = (await summaryOf(DEMO.xinshancun)).body.children.find((c: { code: string }) => c.code === DEMO.community);
    expect([resolved.unresolved, resolved.resolved]).toEqual([community().unresolved, community().resolved + 1]);
    // The district's summary has the subdistrict as a child with the same totals.
    const district = (await summaryOf(DEMO.dadukou)).body;
    expect(district.children.find((c: { code: string }) => c.code === DEMO.xinshancun)).toMatchObject({
      unresolved: (await summaryOf(DEMO.xinshancun)).body.total.unresolved,
    });
    expect((await summaryOf(DEMO.qijiang)).status).toBe(403);
    expect((await summaryOf(DEMO.xinshancun, who.interviewer!)).status).toBe(403);
    expect((await summaryOf("999999999999")).status).toBe(404);
  });
});
