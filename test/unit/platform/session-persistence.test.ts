/**
 * `sessionPersistence` over a storage area whose `remove` never lands, as when the background is
 * stopped between its two calls: what was removed must not come back when the state is read.
 */
import { describe, expect, it } from 'vitest';
import { sessionPersistence, type SessionStorageArea } from '../../../extension/platform/session-persistence';
import { CaptureService } from '../../../src/capture/capture-service';
import { persistedKeys } from '../../../src/capture/persisted-state';
import { readFixtures } from '../../fixtures/web-request/web-request-fixture';
import { parseFixtureEvents, replay } from '../capture/replay-events';

function areaWithoutRemove(): SessionStorageArea & { readonly stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>();
  return {
    stored,
    get: async () => structuredClone(Object.fromEntries(stored)),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) stored.set(key, structuredClone(value));
    },
    // Answers, applying nothing: every remove is lost, as if each write were the last before a stop.
    remove: async () => undefined,
  };
}

describe('session persistence', () => {
  it.each(['no-cors-fetch', 'preflighted-put', 'redirect-307-actual', 'parallel-preflights'])('%s: a stop right after the set leaves no removed entry to be taken for live', async (name) => {
    const events = readFixtures('chrome').get(name)?.events ?? [];
    const area = areaWithoutRemove();
    const persistence = sessionPersistence(area, () => undefined);
    const service = new CaptureService(persistence);
    for (const event of parseFixtureEvents(events)) {
      service.ingest(event);
      persistence.flush?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const restored = new CaptureService(sessionPersistence(areaWithoutRemove(), () => undefined), await area.get());
    const expected = replay(events).exchanges();
    expect(restored.exchanges(expected[0]?.tabId ?? 0)).toEqual(expected);
    const inFlight = [...area.stored].filter(([key, value]) => (key.startsWith(persistedKeys.request) || key.startsWith(persistedKeys.preflight)) && value !== null);
    expect(inFlight).toEqual([]);
    // The next background tidies the nulls the lost removes left.
    expect([...area.stored.values()].some((value) => value === null)).toBe(true);
    const next = areaWithoutRemove();
    const tidied: string[] = [];
    next.remove = async (keys) => void tidied.push(...keys);
    const restarted = sessionPersistence(next, () => undefined);
    new CaptureService(restarted, await area.get());
    await restarted.idle();
    expect(tidied.sort()).toEqual([...area.stored].filter(([, value]) => value === null).map(([key]) => key).sort());
  });
});
