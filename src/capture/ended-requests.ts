/**
 * Keys of the requests and preflights that ended lately (their last event came), so that an event
 * of theirs arriving again is not taken for a new request: a repeated onSendHeaders would otherwise
 * turn a settled exchange back into a pending one, and a repeated preflight would wait, unclaimed,
 * for a later request that in fact used the preflight cache. Browsers never reuse a requestId, so
 * the most recent keys are enough; held in memory only (a restarted background starts empty).
 */
export class EndedRequests {
  /** In the order they ended (a Set keeps insertion order): the first is the oldest. */
  readonly #keys = new Set<string>();

  constructor(readonly capacity = 2048) {}

  add(key: string): void {
    if (this.#keys.has(key)) return;
    this.#keys.add(key);
    if (this.#keys.size > this.capacity) this.#keys.delete(this.#keys.values().next().value as string);
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }
}
