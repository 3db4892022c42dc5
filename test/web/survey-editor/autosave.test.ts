import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveState } from "../../../web/features/survey-editor/lib/autosave";

class Stale extends Error {}

/** A server that keeps one value and its revision, refusing a save that names an older one. */
function fakeServer(start = 3) {
  const server = { revision: start, value: null as string | null, calls: [] as { value: string; revision: number }[], fail: 0 };
  const save = vi.fn(async (value: string, revision: number) => {
    server.calls.push({ value, revision });
    await new Promise((r) => setTimeout(r, 100));
    if (server.fail > 0) {
      server.fail--;
      throw new Error("网络不通");
    }
    if (revision !== server.revision) throw new Stale();
    server.revision += 1;
    server.value = value;
    return { revision: server.revision };
  });
  return { server, save };
}

function saver(revision: number, save: (v: string, r: number) => Promise<{ revision: number }>) {
  const states: SaveState["kind"][] = [];
  const s = new Autosaver<string, { revision: number }>(revision, {
    save,
    revisionOf: (r) => r.revision,
    isConflict: (e) => e instanceof Stale,
    messageOf: (e) => (e as Error).message,
    onState: (state) => states.push(state.kind),
    onSaved: () => {},
    delayMs: 1000,
    retryMs: 5000,
  });
  return { s, states };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("draft autosave", () => {
  it("saves once after the last of several quick edits, with the revision it knows", async () => {
    const { server, save } = fakeServer();
    const { s, states } = saver(3, save);
    s.change("a");
    await vi.advanceTimersByTimeAsync(500);
    s.change("ab");
    await vi.advanceTimersByTimeAsync(500);
    s.change("abc");
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1100);
    expect(server.calls).toEqual([{ value: "abc", revision: 3 }]);
    expect(server.value).toBe("abc");
    expect(s.knownRevision).toBe(4);
    expect(states.at(-1)).toBe("saved");
    expect(states).toContain("saving");
  });

  it("saves an edit made during a save right after it, with the new revision", async () => {
    const { server, save } = fakeServer();
    const { s } = saver(3, save);
    s.change("one");
    await vi.advanceTimersByTimeAsync(1050);
    expect(s.current.kind).toBe("saving");
    s.change("two");
    await vi.advanceTimersByTimeAsync(2500);
    expect(server.calls).toEqual([
      { value: "one", revision: 3 },
      { value: "two", revision: 4 },
    ]);
    expect(server.value).toBe("two");
    expect(s.current.kind).toBe("saved");
  });

  it("stops at a stale revision, sends nothing more, and overwrites only when asked", async () => {
    const { server, save } = fakeServer(7);
    const { s } = saver(3, save);
    s.change("mine");
    await vi.advanceTimersByTimeAsync(1200);
    expect(s.current.kind).toBe("conflict");
    s.change("mine, more");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(1);
    expect(server.value).toBeNull();
    s.rebase(7, "mine, more");
    await vi.advanceTimersByTimeAsync(200);
    expect(server.value).toBe("mine, more");
    expect(s.current.kind).toBe("saved");
  });

  it("after a conflict resolved by loading the server's copy, has nothing to save", async () => {
    const { server, save } = fakeServer(7);
    const { s } = saver(3, save);
    s.change("mine");
    await vi.advanceTimersByTimeAsync(1200);
    s.rebase(7, null);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(1);
    expect(s.current.kind).toBe("saved");
  });

  it("retries a failed save and says why meanwhile", async () => {
    const { server, save } = fakeServer();
    server.fail = 1;
    const { s } = saver(3, save);
    s.change("x");
    await vi.advanceTimersByTimeAsync(1200);
    expect(s.current).toEqual({ kind: "failed", message: "网络不通" });
    await vi.advanceTimersByTimeAsync(5200);
    expect(server.value).toBe("x");
    expect(s.current.kind).toBe("saved");
  });

  it("flush makes one attempt when the server is down and says it did not save", async () => {
    const { server, save } = fakeServer();
    server.fail = 5;
    const { s } = saver(3, save);
    s.change("x");
    const done = s.flush();
    await vi.advanceTimersByTimeAsync(150);
    expect(await done).toBe(false);
    expect(server.calls).toHaveLength(1);
  });

  it("flush saves at once and waits for the answer", async () => {
    const { server, save } = fakeServer();
    const { s } = saver(3, save);
    s.change("now");
    const done = s.flush();
    await vi.advanceTimersByTimeAsync(150);
    expect(await done).toBe(true);
    expect(server.value).toBe("now");
    expect(s.current.kind).toBe("saved");
  });
});
