/**
 * A small key/value store over `localStorage` that never throws: private modes, full quotas and
 * disabled storage fall back to memory for this page's lifetime, so the survey still works (it
 * only loses the ability to survive a reload).
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** An in-memory store; also what tests use. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const map = new Map(Object.entries(initial));
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

function browserStore(): KeyValueStore {
  const fallback = memoryStore();
  const ls = (): Storage | null => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        return ls()?.getItem(key) ?? fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      fallback.set(key, value);
      try {
        ls()?.setItem(key, value);
      } catch {
        // Quota or privacy mode: the in-memory copy keeps this session going.
      }
    },
    remove(key) {
      fallback.remove(key);
      try {
        ls()?.removeItem(key);
      } catch {
        // ignore
      }
    },
  };
}

export const localStore: KeyValueStore = browserStore();

/** Reads a JSON value; anything unparsable counts as absent. */
export function readJson(store: KeyValueStore, key: string): unknown {
  const raw = store.get(key);
  if (raw == null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}
