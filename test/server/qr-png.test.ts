/**
 * PNG QR codes are a capability the runtime entry supplies (AppDeps.qrPng): the Node entry does,
 * the Worker does not, and there the route answers 501 `png_unavailable` (the web app then draws
 * the PNG from the SVG).
 */
import { afterEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { DEMO } from "../helpers/fixtures";

let t: TestApp | undefined;
afterEach(() => t?.close());

async function posterPng(withoutQrPng: boolean) {
  t = await createTestApp({ withoutQrPng });
  const admin = await t.login();
  const { id } = await t.createPoster(admin, DEMO.community, "resident");
  return t.request(`/api/v1/posters/${id}/qr.png`, { cookie: admin });
}

it("serves a PNG when the runtime supplies the capability (Node)", async () => {
  const res = await posterPng(false);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

it("answers 501 png_unavailable when it does not (the Worker)", async () => {
  const res = await posterPng(true);
  expect(res.status).toBe(501);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("png_unavailable");
});
