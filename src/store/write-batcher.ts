/** What to do with a write that failed: give it up, or send it again (with what was asked since). */
export type WriteFailure = 'drop' | 'retry';

/** A failed write is retried at most this many times in a row. */
const MAX_RETRIES = 3;

/**
 * Coalesces writes to an asynchronous key-value store (`storage.session`): changes made while a
 * write is in flight go out together in the next one, right after it. A key set then removed
 * (or the reverse) before its write goes out is written once, as its last state.
 *
 * A write that fails is reported; when the reporter answers `retry` (it made room, say), its
 * changes go out again unless newer ones replaced them: a full store never fails silently.
 */
export class WriteBatcher {
  readonly #flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>;
  readonly #onError: (error: unknown) => WriteFailure | void;
  #set: Record<string, unknown> = {};
  #remove = new Set<string>();
  #running: Promise<void> | undefined;

  constructor(flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>, onError: (error: unknown) => WriteFailure | void) {
    this.#flush = flush;
    this.#onError = onError;
  }

  set(key: string, value: unknown): void {
    this.#remove.delete(key);
    this.#set[key] = value;
    this.#schedule();
  }

  remove(key: string): void {
    delete this.#set[key];
    this.#remove.add(key);
    this.#schedule();
  }

  /** Resolves once everything asked so far is written. */
  async idle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /** Puts a failed write's changes back, under any change asked for since (or during the report). */
  #requeue(set: Record<string, unknown>, remove: readonly string[]): void {
    for (const [key, value] of Object.entries(set)) if (!(key in this.#set) && !this.#remove.has(key)) this.#set[key] = value;
    for (const key of remove) if (!(key in this.#set)) this.#remove.add(key);
  }

  #schedule(): void {
    if (this.#running !== undefined) return;
    this.#running = (async () => {
      // Let the current task's other changes join this write.
      await Promise.resolve();
      let retries = 0;
      while (Object.keys(this.#set).length > 0 || this.#remove.size > 0) {
        const set = this.#set;
        const remove = [...this.#remove];
        this.#set = {};
        this.#remove = new Set();
        try {
          await this.#flush(set, remove);
          retries = 0;
        } catch (error) {
          if (this.#onError(error) === 'retry' && retries < MAX_RETRIES) {
            retries += 1;
            this.#requeue(set, remove);
          }
        }
      }
      this.#running = undefined;
    })();
  }
}
