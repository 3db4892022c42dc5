import { describe, expect, it } from "vitest";
import { addressName } from "../../server/services/units/address-name";
import { DEMO } from "../helpers/fixtures";
import { createTestApp } from "../helpers/test-app";

const u = (name: string, kind: string) => ({ name, kind }) as { name: string; kind: "city" };

describe("addressName", () => {
  it("leaves out the city and a level the next one repeats", () => {
    expect(addressName([u("重庆市", "city"), u("大渡口区", "district"), u("新山村街道", "subdistrict"), u("民主社区", "community")])).toBe(
      "大渡口区 新山村街道 民主社区",
    );
    expect(addressName([u("重庆市", "city"), u("大渡口区", "district"), u("大渡口区实验小学", "school")])).toBe("大渡口区实验小学");
    expect(addressName([u("重庆市", "city")])).toBe("");
  });

  it("is what the respondent page and the poster list show for a school", async () => {
    const t = await createTestApp();
    try {
      const admin = await t.login();
      const { token } = await t.createPoster(admin, DEMO.school, "parent");
      const q = (await (await t.request(`/api/v1/q/${token}`)).json()) as { unit: { fullName: string; name: string } };
      expect(q.unit.fullName).toBe(q.unit.name);
      expect(q.unit.fullName).not.toMatch(/\s/);
    } finally {
      t.close();
    }
  });
});
