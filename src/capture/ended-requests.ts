/**
 * Keys of the requests and preflights that ended lately (their last event came), so that an event
 * of theirs arriving again is not taken for a new request: a repeated onSendHeaders would otherwise
 * turn a settled exchange back into a pending one, and a repeated preflight would wait, unclaimed,
 * for a later request that in fact used the preflight cache. Browsers never reuse a requestId, so
 * the most recent keys are enough; held in memory only (a restarted background starts empty).
 */
export class EndedRequests {
  readonly #keys = new Set<string>();
  readonly #order: string[];
  #next = 0;

  constructor(readonly capacity = 2048) {
    this.#order = new Array<string>(capacity).fill('');
  }

  add(key: string): void {
    if (this.#keys.has(key)) return;
    const oldest = this.#order[this.#next] as string;
    if (oldest !== '') this.#keys.delete(oldest);
    this.#order[this.#next] = key;
    this.#next = (this.#next + 1) % this.capacity;
    this.#keys.add(key);
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }
}
