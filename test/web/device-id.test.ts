import { describe, expect, it } from "vitest";
import { DEVICE_ID_KEY, getDeviceId } from "../../web/lib/device-id";
import { memoryStore } from "../../web/lib/storage";
import { UUID_V4_PATTERN } from "../../web/lib/uuid";

describe("getDeviceId", () => {
  it("makes one id and keeps it under cw-device-id", () => {
    const store = memoryStore();
    const a = getDeviceId(store);
    expect(a).toMatch(UUID_V4_PATTERN);
    expect(store.get(DEVICE_ID_KEY)).toBe(a);
    expect(getDeviceId(store)).toBe(a);
  });
  it("replaces a malformed stored id", () => {
    const store = memoryStore({ [DEVICE_ID_KEY]: "hello" });
    expect(getDeviceId(store)).toMatch(UUID_V4_PATTERN);
  });
});
