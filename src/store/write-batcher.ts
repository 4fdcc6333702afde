/** What to do with a write that failed: give it up, or send it again (with what was asked since). */
export type WriteFailure = 'drop' | 'retry';

/** A failed write is retried at most this many times in a row. */
const MAX_RETRIES = 3;

type Change = { readonly value: unknown } | 'remove';

/**
 * Coalesces writes to an asynchronous key-value store (`storage.session`): the changes asked in one
 * task (or, with a delay, within that delay) go out as one write, and those asked while a write is
 * in flight go out together right after it. A key set then removed (or the reverse) before its write goes out is
 * written once, as its last state. Coalescing is what keeps a burst of events cheap for the page
 * (each write is a call into the browser process, which also dispatches the events); a background
 * stopped with changes still held loses them from memory only: the events behind them are in the
 * journal (src/capture/event-journal.ts), not yet marked applied, and are replayed.
 *
 * A write that fails is reported; when the reporter answers `retry` (it made room, say), its
 * changes go out again after the room made, except those of keys asked again since: a full store
 * never fails silently, and a retry never puts back a stale value.
 */
export class WriteBatcher {
  readonly #flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>;
  readonly #onError: (error: unknown) => WriteFailure | void;
  #pending = new Map<string, Change>();
  #scheduled = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight = 0;
  readonly #idle = new Set<() => void>();

  readonly #delayMs: number;

  /** `delayMs`: how long changes wait to be joined by more (0: until the end of the task). */
  constructor(flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>, onError: (error: unknown) => WriteFailure | void, delayMs = 0) {
    this.#flush = flush;
    this.#onError = onError;
    this.#delayMs = delayMs;
  }

  set(key: string, value: unknown): void {
    this.#pending.set(key, { value });
    this.#schedule();
  }

  remove(key: string): void {
    this.#pending.set(key, 'remove');
    this.#schedule();
  }

  /** Resolves once everything asked so far is written (or given up). */
  idle(): Promise<void> {
    if (!this.#busy()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.add(resolve));
  }

  #busy(): boolean {
    return this.#scheduled || this.#inFlight > 0 || this.#pending.size > 0;
  }

  /** Writes what is held at the end of this task rather than after the delay. */
  flushSoon(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    queueMicrotask(() => this.#writePending());
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight > 0) return;
    this.#scheduled = true;
    // Let the current task's other changes (and, with a delay, later tasks') join this write.
    if (this.#delayMs > 0) this.#timer = setTimeout(() => this.#writePending(), this.#delayMs);
    else queueMicrotask(() => this.#writePending());
  }

  #writePending(): void {
    // Also called before its timer (a retry's room): the timer must not fire a second write.
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#scheduled = false;
    const changes = this.#pending;
    this.#pending = new Map();
    this.#write(changes, 0);
  }

  #write(changes: ReadonlyMap<string, Change>, retries: number): void {
    if (changes.size === 0) return this.#settle();
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const [key, change] of changes) {
      if (change === 'remove') remove.push(key);
      else set[key] = change.value;
    }
    this.#inFlight += 1;
    this.#flush(set, remove).then(
      () => {
        this.#inFlight -= 1;
        this.#settle();
      },
      (error: unknown) => {
        this.#inFlight -= 1;
        const retry = this.#onError(error) === 'retry' && retries < MAX_RETRIES;
        if (!retry) return this.#settle();
        // Only what was not asked again since; what the reporter did to make room goes out first.
        const again = new Map([...changes].filter(([key]) => !this.#pending.has(key)));
        if (this.#pending.size > 0) this.#writePending();
        this.#write(again, retries + 1);
      },
    );
  }

  /** A write ended: send what was asked meanwhile, or tell the waiting that all is written. */
  #settle(): void {
    if (this.#inFlight > 0 || this.#scheduled) return;
    if (this.#pending.size > 0) return this.#writePending();
    for (const resolve of this.#idle) resolve();
    this.#idle.clear();
  }
}
