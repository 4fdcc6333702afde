import type { SessionStorageArea } from '../../../extension/platform/session-persistence';

/** What a fake storage area saw: writes, and the bytes serialized for them. */
export interface StorageTally {
  writes: number;
  bytes: number;
  keysSet: number;
  keysRemoved: number;
}

/**
 * A `storage.session` stand-in that does the work a real one makes the extension do: every
 * `set` serializes its values (Chrome turns them into JSON-like values to hand them to the
 * browser process) and answers on a later task, like the IPC round trip.
 */
export function fakeSessionArea(): { readonly area: SessionStorageArea; readonly tally: StorageTally } {
  const stored = new Map<string, string>();
  const tally: StorageTally = { writes: 0, bytes: 0, keysSet: 0, keysRemoved: 0 };
  const later = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const area: SessionStorageArea = {
    async get() {
      return Object.fromEntries([...stored].map(([key, json]) => [key, JSON.parse(json) as unknown]));
    },
    async set(items) {
      tally.writes += 1;
      for (const [key, value] of Object.entries(items)) {
        const json = JSON.stringify(value);
        tally.bytes += key.length + json.length;
        tally.keysSet += 1;
        stored.set(key, json);
      }
      await later();
    },
    async remove(keys) {
      tally.writes += 1;
      tally.keysRemoved += keys.length;
      for (const key of keys) stored.delete(key);
      await later();
    },
  };
  return { area, tally };
}
