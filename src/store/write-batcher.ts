/** What to do with a write that failed: give it up, or send it again (with what was asked since). */
export type WriteFailure = 'drop' | 'retry';

/** A failed write is retried at most this many times in a row. */
const MAX_RETRIES = 3;

type Change = { readonly value: unknown } | 'remove';

/**
 * Sends the changes asked in one task to an asynchronous key-value store (`storage.session`) as
 * one write, at the end of that task. A key set then removed (or the reverse) in the same task is
 * written once, as its last state.
 *
 * A write goes out at once even while earlier ones are in flight: the browser applies a context's
 * storage calls in the order they were made, and a background that is stopped (a service worker
 * can be, at any moment) loses only the changes of the task it was stopped in, never a backlog
 * of changes queued behind a slow write.
 *
 * A write that fails is reported; when the reporter answers `retry` (it made room, say), its
 * changes go out again, except those of keys written again since: a full store never fails
 * silently, and a retry never puts back a stale value.
 */
export class WriteBatcher {
  readonly #flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>;
  readonly #onError: (error: unknown) => WriteFailure | void;
  #pending = new Map<string, Change>();
  #scheduled = false;
  /** Per key, the number of the last write that carried it. */
  readonly #lastWrite = new Map<string, number>();
  #writes = 0;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>, onError: (error: unknown) => WriteFailure | void) {
    this.#flush = flush;
    this.#onError = onError;
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
  async idle(): Promise<void> {
    while (this.#scheduled || this.#inFlight.size > 0) {
      if (this.#scheduled) await Promise.resolve();
      else await Promise.all([...this.#inFlight]);
    }
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // Let the current task's other changes join this write.
    queueMicrotask(() => this.#writePending());
  }

  #writePending(): void {
    this.#scheduled = false;
    const changes = this.#pending;
    this.#pending = new Map();
    this.#write(changes, 0);
  }

  #write(changes: ReadonlyMap<string, Change>, retries: number): void {
    if (changes.size === 0) return;
    const number = ++this.#writes;
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const [key, change] of changes) {
      this.#lastWrite.set(key, number);
      if (change === 'remove') remove.push(key);
      else set[key] = change.value;
    }
    const write = this.#flush(set, remove).then(
      () => this.#settled(changes, number),
      (error: unknown) => {
        const retry = this.#onError(error) === 'retry' && retries < MAX_RETRIES;
        // Only what no later write carried: a newer value of a key is already on its way.
        const again = new Map([...changes].filter(([key]) => this.#lastWrite.get(key) === number && !this.#pending.has(key)));
        this.#settled(changes, number);
        if (!retry) return;
        // What the reporter did to make room goes out first, then the retry.
        this.#writePending();
        this.#write(again, retries + 1);
      },
    );
    this.#inFlight.add(write);
    void write.finally(() => this.#inFlight.delete(write));
  }

  /** Forgets the write numbers of keys this write was the last to carry. */
  #settled(changes: ReadonlyMap<string, Change>, number: number): void {
    for (const key of changes.keys()) if (this.#lastWrite.get(key) === number) this.#lastWrite.delete(key);
  }
}
