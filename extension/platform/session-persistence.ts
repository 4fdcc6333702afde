import type { Persistence, PersistedState } from '../../src/capture/capture-service';
import { WriteBatcher, type WriteFailure } from '../../src/store/write-batcher';

/** The part of `storage.session` used here. */
export interface SessionStorageArea {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Changes wait this long to be written together. Nothing is at risk meanwhile: the events that made
 * them are in the journal until the write marks them applied.
 */
const STATE_WRITE_DELAY_MS = 100;

/**
 * Persists the capture state in `storage.session`: kept in memory by the browser, so it survives
 * the service worker (or event page) stopping, but it is never written to disk and is gone when
 * the browser closes. Request headers (cookies, tokens) have no business on disk.
 *
 * `onFull` is called when a write fails for lack of space (Chrome: "QUOTA_BYTES quota exceeded"):
 * it should make room; the write is then retried. Other failures go to `onError`.
 */

export function sessionPersistence(
  area: SessionStorageArea,
  onError: (error: unknown) => void,
  onFull: () => void = () => undefined,
): Persistence & { idle(): Promise<void> } {
  const batcher = new WriteBatcher(
    // One set carries every change, removals as null: the browser applies a set all or nothing,
    // so a worker stopped after it leaves no removed key behind (an in-flight entry of a request
    // that settled, an evicted exchange), which restoring would take for live. The remove that
    // follows only tidies the nulls away.
    async (set, remove) => {
      const items: Record<string, unknown> = { ...set };
      for (const key of remove) items[key] = null;
      if (Object.keys(items).length > 0) await area.set(items);
      if (remove.length > 0) await area.remove(remove);
    },
    (error): WriteFailure => {
      onError(error);
      if (!isQuotaError(error)) return 'drop';
      onFull();
      return 'retry';
    },
    STATE_WRITE_DELAY_MS,
  );
  return { set: (key, value) => batcher.set(key, value), remove: (key) => batcher.remove(key), flush: () => batcher.flushSoon(), idle: () => batcher.idle() };
}

export async function readSession(area: SessionStorageArea): Promise<PersistedState> {
  return area.get(null);
}

function isQuotaError(error: unknown): boolean {
  return /quota/i.test(error instanceof Error ? error.message : String(error));
}
