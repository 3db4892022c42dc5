import { localStore, type KeyValueStore } from "./storage";
import { uuidV4, UUID_V4_PATTERN } from "./uuid";

export const DEVICE_ID_KEY = "cw-device-id";

/**
 * The id of this browser, kept in storage and sent with each response so the server can flag a
 * second response from the same phone for the same survey and unit.
 */
export function getDeviceId(store: KeyValueStore = localStore, makeId: () => string = uuidV4): string {
  const existing = store.get(DEVICE_ID_KEY);
  if (existing && UUID_V4_PATTERN.test(existing)) return existing;
  const id = makeId();
  store.set(DEVICE_ID_KEY, id);
  return id;
}
