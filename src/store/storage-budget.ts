/**
 * `storage.session` holds 10 MB in Chrome (QUOTA_BYTES); past it every write fails. Chrome counts
 * far more than the JSON: measured in Chromium 156, an exchange of 2,241 JSON bytes uses 6,742
 * bytes of the quota (x3), so 10 MB holds about 1,550 of them. This keeps the stored exchanges
 * (counted in JSON bytes) within a budget that leaves room for the in-flight state, so the store
 * trims itself (oldest first, from the tab holding the most) instead of failing writes.
 */
export const DEFAULT_STORAGE_BUDGET_BYTES = 2_500_000;

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
