/**
 * `storage.session` holds 10 MB in Chrome (QUOTA_BYTES); past it every write fails. Chrome counts
 * a stored string at its length plus its key's, but an object at about three times its JSON
 * (measured in Chromium 156: 14,094 exchanges of 738 JSON bytes fit as text, 4,714 as objects).
 * Settled exchanges are stored as text, so their size here is exactly what they use of the quota.
 * This keeps them within a budget that leaves 2.4 MB for the in-flight state and the preflight
 * cache (stored as objects), so the store trims itself (oldest first, from the tab holding the
 * most) instead of failing writes: at ~1.7 KB an exchange, two tabs of 2,000 exchanges fit.
 */
export const DEFAULT_STORAGE_BUDGET_BYTES = 8_000_000;

export class StorageBudget {
  #limit: number;
  #total = 0;
  readonly #sizes = new Map<string, { readonly tabId: number; readonly size: number }>();
  readonly #perTab = new Map<number, number>();

  constructor(limit = DEFAULT_STORAGE_BUDGET_BYTES) {
    this.#limit = limit;
  }

  get total(): number {
    return this.#total;
  }

  get limit(): number {
    return this.#limit;
  }

  /** Records (or replaces) the stored size of `key`, which belongs to `tabId`. */
  set(key: string, tabId: number, size: number): void {
    this.remove(key);
    this.#sizes.set(key, { tabId, size });
    this.#total += size;
    this.#perTab.set(tabId, (this.#perTab.get(tabId) ?? 0) + size);
  }

  remove(key: string): void {
    const entry = this.#sizes.get(key);
    if (entry === undefined) return;
    this.#sizes.delete(key);
    this.#total -= entry.size;
    const left = (this.#perTab.get(entry.tabId) ?? 0) - entry.size;
    if (left > 0) this.#perTab.set(entry.tabId, left);
    else this.#perTab.delete(entry.tabId);
  }

  /** A write failed for lack of space although within budget: the budget was too generous. */
  shrink(): void {
    this.#limit = Math.max(0, Math.floor(Math.min(this.#limit, this.#total) * 0.75));
  }

  /** While over budget: the tab that holds the most bytes, to evict from. */
  tabToTrim(): number | undefined {
    if (this.#total <= this.#limit) return undefined;
    let largest: number | undefined;
    let most = -1;
    for (const [tabId, bytes] of this.#perTab) {
      if (bytes > most) {
        largest = tabId;
        most = bytes;
      }
    }
    return largest;
  }
}
