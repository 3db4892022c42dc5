/**
 * The draft's autosave, apart from React so its rules can be tested with fake timers: a change
 * is saved `delayMs` after the last edit (typing a title is one save, not twenty), at most one
 * save is in flight, an edit made while saving is saved right after, every save carries the
 * revision the server last gave (so two windows cannot overwrite each other unseen), a refusal
 * for a stale revision stops saving until the person chooses, and a failed save is retried.
 */
export type SaveState =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "failed"; message: string }
  /** The server holds a newer revision than this editor saw; nothing more is sent until `rebase`. */
  | { kind: "conflict" };

export interface AutosaveDeps<T, R> {
  save: (value: T, revision: number) => Promise<R>;
  revisionOf: (result: R) => number;
  isConflict: (error: unknown) => boolean;
  messageOf: (error: unknown) => string;
  onState: (state: SaveState) => void;
  onSaved: (result: R) => void;
  delayMs?: number;
  retryMs?: number;
}

export class Autosaver<T, R> {
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private state: SaveState = { kind: "saved" };
  private disposed = false;

  constructor(
    private revision: number,
    private readonly deps: AutosaveDeps<T, R>,
  ) {}

  get current(): SaveState {
    return this.state;
  }

  /** The revision the next save will send. */
  get knownRevision(): number {
    return this.revision;
  }

  /** A new value to keep: saved after the quiet delay. */
  change(value: T): void {
    this.pending = value;
    if (this.state.kind === "conflict") return;
    if (this.state.kind !== "saving") this.setState({ kind: "unsaved" });
    this.schedule(this.deps.delayMs ?? 1200);
  }

  /**
   * Saves what is pending now and waits for the answer (before publishing): true when the
   * server holds this editor's latest value. One attempt, so a server that is down cannot hold
   * the caller in a loop; the regular retry goes on.
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.pending !== null && this.state.kind !== "conflict") {
      this.clearTimer();
      this.start();
      if (this.inFlight) await this.inFlight;
    }
    return this.pending === null && this.state.kind === "saved";
  }

  /**
   * After a conflict: continue from the server's `revision`, either with this editor's value
   * (overwrite: it is saved at once) or with nothing pending (the server's copy was loaded).
   */
  rebase(revision: number, keep: T | null): void {
    this.revision = revision;
    this.pending = keep;
    this.setState(keep === null ? { kind: "saved" } : { kind: "unsaved" });
    if (keep !== null) this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.inFlight) this.start();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private start(): void {
    if (this.pending === null || this.disposed) return;
    const value = this.pending;
    this.pending = null;
    this.setState({ kind: "saving" });
    this.inFlight = this.deps
      .save(value, this.revision)
      .then(
        (result) => {
          this.revision = this.deps.revisionOf(result);
          this.deps.onSaved(result);
          if (this.pending === null) this.setState({ kind: "saved" });
          else this.schedule(0);
        },
        (error: unknown) => {
          // What was sent is still unsaved: keep it unless a newer edit came meanwhile.
          this.pending ??= value;
          if (this.deps.isConflict(error)) {
            this.setState({ kind: "conflict" });
            return;
          }
          this.setState({ kind: "failed", message: this.deps.messageOf(error) });
          this.schedule(this.deps.retryMs ?? 5000);
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
  }

  private setState(state: SaveState): void {
    this.state = state;
    if (!this.disposed) this.deps.onState(state);
  }
}
