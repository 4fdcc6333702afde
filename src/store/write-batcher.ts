/**
 * Coalesces writes to an asynchronous key-value store (`storage.session`): changes made while a
 * write is in flight go out together in the next one, right after it. A key set then removed
 * (or the reverse) before its write goes out is written once, as its last state.
 */
export class WriteBatcher {
  readonly #flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>;
  readonly #onError: (error: unknown) => void;
  #set: Record<string, unknown> = {};
  #remove = new Set<string>();
  #running: Promise<void> | undefined;

  constructor(flush: (set: Record<string, unknown>, remove: string[]) => Promise<void>, onError: (error: unknown) => void) {
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

  #schedule(): void {
    if (this.#running !== undefined) return;
    this.#running = (async () => {
      // Let the current task's other changes join this write.
      await Promise.resolve();
      while (Object.keys(this.#set).length > 0 || this.#remove.size > 0) {
        const set = this.#set;
        const remove = [...this.#remove];
        this.#set = {};
        this.#remove = new Set();
        try {
          await this.#flush(set, remove);
        } catch (error) {
          this.#onError(error);
        }
      }
      this.#running = undefined;
    })();
  }
}
