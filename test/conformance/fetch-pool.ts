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

/**
 * A frame of either driver: Playwright's and Puppeteer's `frame.evaluate(fetchPool, input)` both
 * serialize the function and its input into the page.
 */
export interface PoolFrame {
  evaluate(pool: typeof fetchPool, input: FetchPoolInput): Promise<FetchOutcome[]>;
}

/** Runs the fetches in one frame with the in-page pool; never throws for a fetch's own failure. */
export async function fetchInFrame(frame: PoolFrame, runnables: readonly Runnable[], concurrency: number): Promise<FetchOutcome[]> {
  if (runnables.length === 0) return [];
  return frame.evaluate(fetchPool, fetchPoolInput(runnables, concurrency));
}

/** The page's sandboxed iframe (it runs the "null"-origin cases), once `find` sees it; 5 s at the most. */
export async function sandboxedFrame<F>(find: () => F | undefined): Promise<F> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const frame = find();
    if (frame !== undefined) return frame;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the sandboxed frame did not load');
}
