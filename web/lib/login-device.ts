import { localStore, type KeyValueStore } from "./storage";
import { uuidV4, UUID_V4_PATTERN } from "./uuid";

export const LOGIN_DEVICE_KEY = "cw-login-device";

/**
 * A random id this browser sends when signing in, so the server recognises a browser that signed
 * in before: its right password passes while strangers elsewhere are being throttled. Kept apart
 * from the device id sent with responses (that one is stored with every answer and shown in
 * reviews); this one is only ever sent to the login endpoint and stored there as a keyed hash.
 */
export function getLoginDeviceId(store: KeyValueStore = localStore, makeId: () => string = uuidV4): string {
  const existing = store.get(LOGIN_DEVICE_KEY);
  if (existing && UUID_V4_PATTERN.test(existing)) return existing;
  const id = makeId();
  store.set(LOGIN_DEVICE_KEY, id);
  return id;
}
