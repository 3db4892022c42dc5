import { shippedSurveys } from "../../../surveys/index";
import itemBank from "../../../surveys/item-bank.json";
import type { TestApp } from "../../helpers/test-app";

type Json = Record<string, any>;

/** The element called `name` in a survey JSON, to edit it in place. */
export function element(json: Json, name: string): Json {
  for (const page of json.pages) {
    const stack = [...(page.elements as Json[])];
    while (stack.length) {
      const el = stack.shift()!;
      if (el.name === name) return el;
      stack.push(...((el.elements as Json[] | undefined) ?? []));
    }
  }
  throw new Error(`no element ${name}`);
}

export const bankElement = (id: string): Json => structuredClone(itemBank.items.find((i) => i.id === id)!.element);
export const shippedJson = (id: string): Json => structuredClone(shippedSurveys.find((s) => s.id === id)!.json);

/** The editor's calls over a test app, as an admin. */
export function editorCalls(t: TestApp, cookie: string) {
  const call = async (path: string, method = "GET", json?: unknown) => {
    const res = await t.request(`/api/v1/survey-drafts${path}`, { method, cookie, ...(json !== undefined ? { json } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };
  return {
    call,
    create: (surveyId: string) => call("", "POST", { surveyId }),
    save: (id: string, json: Json, revision: number) => call(`/${id}`, "PUT", { json, revision }),
    get: (id: string) => call(`/${id}`),
    diff: (id: string) => call(`/${id}/diff`),
    publish: (id: string) => call(`/${id}/publish`, "POST"),
    discard: (id: string) => call(`/${id}`, "DELETE"),
  };
}

export async function auditActions(t: TestApp, prefix = "survey."): Promise<{ action: string; target: string; after: any }[]> {
  const rs = await t.client.execute({
    sql: "select action, target, after from audit_log where action like ? order by id",
    args: [`${prefix}%`],
  });
  return rs.rows.map((r) => ({ action: String(r.action), target: String(r.target), after: r.after ? JSON.parse(String(r.after)) : null }));
}
