/**
 * Issue 19, minimise and mask: every export and list that carries personal data, per role and
 * permission. Admins and offices without the personal-data permission (the default, admins
 * included) get phone and identity numbers, household labels and positions masked; holders see
 * lists unmasked, and an export leaves unmasked only when asked for with a reason, audited.
 * Real app, real libSQL; the XLSX read back with read-excel-file.
 */
import { randomUUID } from "node:crypto";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, eligibleAnswers } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { seedResponse } from "./rates-fixtures";

const PHONE = "13800138000";
const ID_NUMBER = "500104199001011234";
const RAW = `请联系我${PHONE}，身份证${ID_NUMBER}`;
const MASKED = "请联系我138****8000，身份证500104********1234";
const HOUSEHOLD = "3栋2单元501";
const REASON = "区创文办核实投诉人联系方式";

type Who = "admin" | "adminWithPermission" | "office" | "officeWithPermission" | "interviewer";
const WHO: Who[] = ["admin", "adminWithPermission", "office", "officeWithPermission", "interviewer"];
const HOLDERS: Who[] = ["adminWithPermission", "officeWithPermission"];
const ROLE_OF: Record<Who, "admin" | "office" | "interviewer"> = {
  admin: "admin",
  adminWithPermission: "admin",
  office: "office",
  officeWithPermission: "office",
  interviewer: "interviewer",
};

let t: TestApp;
const cookie = {} as Record<Who, string>;
let commentId = "";
let flaggedId = "";

const get = async (path: string, who: Who) => {
  const res = await t.request(path, { cookie: cookie[who] });
  return { status: res.status, text: await res.text() };
};
const patchUser = (username: string, json: unknown, who: Who | string = "admin") =>
  t.request(`/api/v1/users/${username}`, { method: "PATCH", cookie: cookie[who as Who] ?? who, json });
const auditRows = async (action: string) =>
  (
    await t.client.execute({
      sql: "select actor, target, before, after, scope_unit from audit_log where action = ? order by id",
      args: [action],
    })
  ).rows;

beforeAll(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  cookie.admin = await t.login();
  const users: [Who, string, string][] = [
    ["adminWithPermission", "pd-admin", DEMO.city],
    ["office", "ddk-office", DEMO.dadukou],
    ["officeWithPermission", "ddk-office-pd", DEMO.dadukou],
    ["interviewer", "ddk-iv", DEMO.dadukou],
  ];
  for (const [who, username, scope] of users) {
    cookie[who] = await t.createUser(cookie.admin, { username, password: "pass-word-123", role: ROLE_OF[who], scope });
  }
  for (const username of ["pd-admin", "ddk-office-pd"]) expect((await patchUser(username, { personalData: true })).status).toBe(200);

  const answers = { ...eligibleAnswers("resident"), suggestions: RAW };
  commentId = await seedResponse(t, { unitCode: DEMO.community, answers });
  flaggedId = await seedResponse(t, { unitCode: DEMO.community, answers, flagged: true });
  const issue = await t.request("/api/v1/issue-items", {
    method: "POST",
    cookie: cookie.office,
    json: { title: "回访投诉人", unitCode: DEMO.community, source: { responseId: commentId, question: "suggestions" } },
  });
  expect(issue.status, await issue.clone().text()).toBe(201);

  // A visit with a household label and a position, and a discarded one whose label the audit log keeps.
  const visit = await t.request("/api/v1/visits", {
    method: "POST",
    cookie: cookie.interviewer,
    json: {
      id: randomUUID(),
      unitCode: DEMO.community,
      surveyId: "resident",
      household: HOUSEHOLD,
      outcome: "refused",
      visitedAt: new Date().toISOString(),
      deviceId: "tablet-privacy",
      latitude: 29.484123,
      longitude: 106.486789,
      accuracyM: 7,
    },
  });
  expect(visit.status, await visit.clone().text()).toBe(201);
  const discard = await t.request("/api/v1/devices/discards", {
    method: "POST",
    cookie: cookie.interviewer,
    json: {
      clientId: randomUUID(),
      kind: "visit",
      deviceId: "tablet-privacy",
      reason: "户号录错，已重新登记",
      summary: {
        unitCode: DEMO.community,
        surveyId: "resident",
        household: HOUSEHOLD,
        outcome: "refused",
        visitedAt: new Date().toISOString(),
      },
    },
  });
  expect(discard.status, await discard.clone().text()).toBe(201);
}, 120_000);
afterAll(() => t.close());

describe("the personal-data permission", () => {
  it("is off for every account, the bootstrap admin included, until an admin grants it", async () => {
    const res = await t.request("/api/v1/users", { cookie: cookie.admin });
    const list = ((await res.json()) as { users: { username: string; personalData: boolean }[] }).users;
    expect(Object.fromEntries(list.map((u) => [u.username, u.personalData]))).toEqual({
      admin: false,
      "ddk-iv": false,
      "ddk-office": false,
      "ddk-office-pd": true,
      "pd-admin": true,
    });
  });

  it("cannot be set when an account is created: only a PATCH grants it", async () => {
    const res = await t.request("/api/v1/users", {
      method: "POST",
      cookie: cookie.admin,
      json: { username: "sneaky", password: "pass-word-123", role: "office", scope: DEMO.dadukou, personalData: true },
    });
    expect(res.status).toBe(201);
    const list = (await (await t.request("/api/v1/users", { cookie: cookie.admin })).json()) as {
      users: { username: string; personalData: boolean }[];
    };
    expect(list.users.find((u) => u.username === "sneaky")?.personalData).toBe(false);
  });

  it("is granted by an admin through PATCH /users, audited with before and after", async () => {
    const [entry] = (await auditRows("users.update")).filter((r) => r.target === "ddk-office-pd");
    expect(entry).toMatchObject({ actor: "admin", scope_unit: DEMO.dadukou });
    expect(JSON.parse(String(entry!.before))).toMatchObject({ personalData: false });
    expect(JSON.parse(String(entry!.after))).toMatchObject({ personalData: true });
  });

  it("an admin may grant it to themselves, and that is audited as theirs", async () => {
    const self = await t.createUser(cookie.admin, {
      username: "self-admin",
      password: "pass-word-123",
      role: "admin",
      scope: DEMO.qijiang,
    });
    const res = await patchUser("self-admin", { personalData: true }, self);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { personalData: boolean } }).user.personalData).toBe(true);
    const entry = (await auditRows("users.update")).find((r) => r.target === "self-admin");
    expect(entry).toMatchObject({ actor: "self-admin" });
    expect(JSON.parse(String(entry!.after))).toMatchObject({ personalData: true });
  });

  it("is refused to an interviewer (422) and cannot be given by an office (403); nothing changes", async () => {
    const before = (await auditRows("users.update")).length;
    const refused = await patchUser("ddk-iv", { personalData: true });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("personal_data_role");
    // Demoting a holder to interviewer must withdraw the permission in the same change.
    expect((await patchUser("ddk-office-pd", { role: "interviewer" })).status).toBe(422);
    expect((await patchUser("ddk-office", { personalData: true }, "office")).status).toBe(403);
    expect((await auditRows("users.update")).length).toBe(before);
    const list = (await (await t.request("/api/v1/users", { cookie: cookie.admin })).json()) as {
      users: { username: string; role: string; personalData: boolean }[];
    };
    expect(list.users.find((u) => u.username === "ddk-iv")?.personalData).toBe(false);
    expect(list.users.find((u) => u.username === "ddk-office")?.personalData).toBe(false);
    expect(list.users.find((u) => u.username === "ddk-office-pd")?.role).toBe("office");
  });
});

/** Every list that carries personal data, who may read it, and what its personal data is. */
const LISTS: { name: string; path: string; allowed: Who[]; raw: string; masked: string; maskedFlag: boolean }[] = [
  {
    name: "GET /comments",
    path: `/api/v1/comments?unit=${DEMO.dadukou}`,
    allowed: WHO.slice(0, 4),
    raw: RAW,
    masked: MASKED,
    maskedFlag: true,
  },
  {
    name: "GET /issue-items",
    path: `/api/v1/issue-items?unit=${DEMO.dadukou}`,
    allowed: WHO.slice(0, 4),
    raw: RAW,
    masked: MASKED,
    maskedFlag: false,
  },
  {
    name: "GET /admin/flagged",
    path: `/api/v1/admin/flagged?unit=${DEMO.dadukou}&status=all`,
    allowed: ["admin", "adminWithPermission"],
    raw: RAW,
    masked: MASKED,
    maskedFlag: true,
  },
  {
    name: "GET /admin/responses",
    path: `/api/v1/admin/responses?unit=${DEMO.dadukou}&day=2026-11-20`,
    allowed: ["admin", "adminWithPermission"],
    raw: RAW,
    masked: MASKED,
    maskedFlag: true,
  },
  {
    name: "GET /admin/audit (a discarded visit's household)",
    path: "/api/v1/admin/audit?action=field.discard",
    allowed: ["admin", "adminWithPermission"],
    raw: `"household":"${HOUSEHOLD}"`,
    masked: `"household":"3栋****"`,
    maskedFlag: false,
  },
];

describe.each(LISTS)("$name", ({ path, allowed, raw, masked, maskedFlag }) => {
  it.each(WHO)("as %s", async (who) => {
    const { status, text } = await get(path, who);
    if (!allowed.includes(who)) {
      expect(status).toBe(403);
      expect(text).not.toContain(PHONE);
      return;
    }
    expect(status, text).toBe(200);
    if (HOLDERS.includes(who)) {
      expect(text).toContain(raw);
      if (maskedFlag) expect(JSON.parse(text).masked).toBe(false);
    } else {
      expect(text).toContain(masked);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(ID_NUMBER);
      expect(text).not.toContain(HOUSEHOLD);
      if (maskedFlag) expect(JSON.parse(text).masked).toBe(true);
    }
  });
});

describe("the flagged response is among the reviewed ones", () => {
  it("lists it, masked, for an admin without the permission", async () => {
    const { text } = await get(`/api/v1/admin/flagged?unit=${DEMO.dadukou}&status=all`, "admin");
    const body = JSON.parse(text) as { responses: { id: string; answers: { suggestions: string } }[] };
    expect(body.responses.find((r) => r.id === flaggedId)?.answers.suggestions).toBe(MASKED);
  });
});

describe("GET /comments search by number", () => {
  it("is refused without the permission (a raw-text search would confirm a masked number) and works with it", async () => {
    const probe = `/api/v1/comments?unit=${DEMO.dadukou}&q=${PHONE.slice(0, 8)}`;
    for (const who of ["admin", "office"] as Who[]) {
      const { status, text } = await get(probe, who);
      expect(status).toBe(403);
      expect(JSON.parse(text).error.code).toBe("personal_data_required");
    }
    const { status, text } = await get(probe, "officeWithPermission");
    expect(status).toBe(200);
    expect(JSON.parse(text).comments.map((c: { responseId: string }) => c.responseId)).toEqual([commentId]);
    // Words still search for everyone.
    expect((await get(`/api/v1/comments?unit=${DEMO.dadukou}&q=${encodeURIComponent("联系")}`, "office")).status).toBe(200);
  });
});

describe("field progress carries no household label or position", () => {
  it.each(["interviewers", "units", "devices"])("GET /field-progress/%s", async (list) => {
    for (const who of WHO) {
      const { status, text } = await get(`/api/v1/field-progress/${list}?unit=${DEMO.dadukou}`, who);
      expect(status).toBe(who === "interviewer" ? 403 : 200);
      expect(text).not.toContain(HOUSEHOLD);
      expect(text).not.toContain("29.48");
      expect(text).not.toContain("106.48");
    }
  });
});

const exportPath = (format: string, extra = "") =>
  `/api/v1/exports/responses?unit=${DEMO.dadukou}&survey=resident&format=${format}&includeFlagged=1${extra}`;

/** The free-text cells and the info sheet's 个人信息 line of an export. */
async function exportedTexts(res: Response, format: "csv" | "xlsx"): Promise<{ cells: string; info?: string }> {
  const bytes = Buffer.from(await res.arrayBuffer());
  if (format === "csv") return { cells: bytes.toString("utf8") };
  const data = await readSheet(bytes, "答卷");
  const info = Object.fromEntries((await readSheet(bytes, "导出信息")).slice(1)) as Record<string, string>;
  return { cells: JSON.stringify(data), info: info.个人信息 };
}

describe.each(["csv", "xlsx"] as const)("GET /exports/responses (%s)", (format) => {
  it.each(WHO)("masked by default for everyone, holders included: as %s", async (who) => {
    const res = await t.request(exportPath(format), { cookie: cookie[who] });
    if (who === "interviewer") {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const { cells, info } = await exportedTexts(res, format);
    expect(cells).toContain(MASKED);
    expect(cells).not.toContain(PHONE);
    expect(cells).not.toContain(ID_NUMBER);
    if (format === "xlsx") expect(info).toMatch(/^已脱敏/);
  });

  it.each(WHO)("unmasked with a reason only for holders, audited: as %s", async (who) => {
    const before = (await auditRows("exports.unmasked")).length;
    const res = await t.request(exportPath(format, `&unmasked=1&reason=${encodeURIComponent(REASON)}`), { cookie: cookie[who] });
    if (!HOLDERS.includes(who)) {
      expect(res.status).toBe(403);
      if (who !== "interviewer") expect(((await res.json()) as { error: { code: string } }).error.code).toBe("personal_data_required");
      expect((await auditRows("exports.unmasked")).length).toBe(before);
      return;
    }
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("content-disposition")!)).toContain("_未脱敏_");
    const { cells, info } = await exportedTexts(res, format);
    expect(cells).toContain(RAW);
    if (format === "xlsx") expect(info).toBe(`未脱敏（用途：${REASON}；已记入审计日志）`);
    const entries = await auditRows("exports.unmasked");
    expect(entries.length).toBe(before + 1);
    const entry = entries.at(-1)!;
    const username = who === "adminWithPermission" ? "pd-admin" : "ddk-office-pd";
    expect(entry).toMatchObject({ actor: username, target: `resident@${DEMO.dadukou}`, scope_unit: DEMO.dadukou });
    expect(JSON.parse(String(entry.after))).toMatchObject({
      unit: DEMO.dadukou,
      survey: "resident",
      format,
      labels: "text",
      channel: null,
      from: null,
      to: null,
      includeFlagged: true,
      rows: 2,
      reason: REASON,
    });
  });

  it("unmasked without a reason: 422 for a holder, 403 for anyone else, nothing audited", async () => {
    const before = (await auditRows("exports.unmasked")).length;
    for (const extra of ["&unmasked=1", "&unmasked=1&reason=", "&unmasked=true&reason=%20%20"]) {
      const holder = await t.request(exportPath(format, extra), { cookie: cookie.officeWithPermission });
      expect(holder.status).toBe(422);
      expect(((await holder.json()) as { error: { code: string } }).error.code).toBe("reason_required");
      expect((await t.request(exportPath(format, extra), { cookie: cookie.office })).status).toBe(403);
    }
    expect((await auditRows("exports.unmasked")).length).toBe(before);
  });
});

describe("a withdrawn permission", () => {
  it("masks again from the next request on", async () => {
    expect((await patchUser("ddk-office-pd", { personalData: false })).status).toBe(200);
    const { text } = await get(`/api/v1/comments?unit=${DEMO.dadukou}`, "officeWithPermission");
    expect(text).toContain(MASKED);
    expect(text).not.toContain(PHONE);
    const res = await t.request(exportPath("csv", `&unmasked=1&reason=${encodeURIComponent(REASON)}`), {
      cookie: cookie.officeWithPermission,
    });
    expect(res.status).toBe(403);
    expect((await patchUser("ddk-office-pd", { personalData: true })).status).toBe(200);
  });
});
