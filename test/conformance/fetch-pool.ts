/**
 * The in-page side of a replay: runs the cases' fetch() calls a few at a time and reports how each
 * ended, never throwing for a fetch's own failure. `fetchPool` is evaluated in the page by any
 * driver (playwright's and puppeteer's `frame.evaluate(fetchPool, input)` both serialize it).
 */
import type { FetchOutcome, Runnable } from './runnable';

export interface FetchPoolInput {
  readonly items: ReadonlyArray<{
    readonly id: string;
    readonly url: string;
    readonly method: string;
    readonly headers: ReadonlyArray<readonly [string, string]>;
    readonly credentials: RequestCredentials;
  }>;
  readonly concurrency: number;
}

export function fetchPoolInput(runnables: readonly Runnable[], concurrency: number): FetchPoolInput {
  return {
    items: runnables.map((r) => ({
      id: r.id,
      url: r.request.url,
      method: r.request.method,
      headers: r.request.headers.map(([n, v]) => [n, v] as const),
      credentials: r.request.credentials,
    })),
    concurrency,
  };
}

/** Runs in the page: self-contained, no imports, no helpers from outside. */
export async function fetchPool({ items, concurrency }: FetchPoolInput): Promise<FetchOutcome[]> {
  const results: FetchOutcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const item = items[next++];
      if (item === undefined) return;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const response = await fetch(item.url, {
          method: item.method,
          headers: item.headers.map(([n, v]): [string, string] => [n, v]),
          credentials: item.credentials,
          signal: controller.signal,
        });
        await response.arrayBuffer();
        results.push({ id: item.id, resolved: true, status: response.status, message: '' });
      } catch (e) {
        results.push({ id: item.id, resolved: false, status: 0, message: String(e) });
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
