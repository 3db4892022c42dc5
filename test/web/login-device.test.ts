import { describe, expect, it } from "vitest";
import { loginSchema } from "../../server/contracts/auth";
import { DEVICE_ID_KEY, getDeviceId } from "../../web/lib/device-id";
import { getLoginDeviceId, LOGIN_DEVICE_KEY } from "../../web/lib/login-device";
import { memoryStore } from "../../web/lib/storage";
import { UUID_V4_PATTERN } from "../../web/lib/uuid";

describe("getLoginDeviceId", () => {
  it("keeps one id under cw-login-device, apart from the id sent with responses", () => {
    const store = memoryStore();
    const login = getLoginDeviceId(store);
    expect(login).toMatch(UUID_V4_PATTERN);
    expect(store.get(LOGIN_DEVICE_KEY)).toBe(login);
    expect(getLoginDeviceId(store)).toBe(login);
    expect(getDeviceId(store)).not.toBe(login);
    expect(store.get(DEVICE_ID_KEY)).not.toBe(login);
  });

  it("replaces a malformed stored id, and what it makes passes the login contract", () => {
    const store = memoryStore({ [LOGIN_DEVICE_KEY]: "x" });
    const id = getLoginDeviceId(store);
    expect(id).toMatch(UUID_V4_PATTERN);
    expect(loginSchema.safeParse({ username: "admin", password: "pw", deviceId: id }).success).toBe(true);
  });
});
