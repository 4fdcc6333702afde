/**
 * Header values a page or server sends are kept up to a limit (parse-web-request-details.ts): one
 * request with megabytes of headers must not fill storage.session and make the storage budget
 * evict other tabs' exchanges.
 */
import { describe, expect, it } from 'vitest';
import { sessionPersistence, type SessionStorageArea } from '../../../extension/platform/session-persistence';
import { CaptureService } from '../../../src/capture/capture-service';
import { LIST_LIMIT, parseWebRequestDetails, VALUE_LIMIT } from '../../../src/capture/parse-web-request-details';
import { parseFixtureEvents } from './replay-events';
import { SequenceBuilder } from './sequence-builder';

function sentHeaders(headers: ReadonlyArray<{ name: string; value?: string; binaryValue?: number[] }>) {
  const event = parseWebRequestDetails('send-headers', { requestId: '1', tabId: 1, url: 'https://api.example/x', method: 'PUT', requestHeaders: headers });
  if (event?.kind !== 'send-headers') throw new Error('not parsed');
  return event.requestHeaders;
}

describe('header limits', () => {
  it('keeps values up to the limit whole and cuts a longer one, saying how much was left out', () => {
    const [whole, long] = sentHeaders([
      { name: 'X-Whole', value: 'w'.repeat(VALUE_LIMIT) },
      { name: 'X-Long', value: 'l'.repeat(VALUE_LIMIT + 10) },
    ]);
    expect(whole).toEqual(['X-Whole', 'w'.repeat(VALUE_LIMIT)]);
    expect(long).toEqual(['X-Long', `${'l'.repeat(VALUE_LIMIT)}… [10 more characters not kept]`]);
  });

  it('holds a list to its limit: past it, values are cut to nothing and names kept', () => {
    const count = LIST_LIMIT / VALUE_LIMIT + 2;
    const headers = sentHeaders([...Array(count).keys()].map((i) => ({ name: `X-${i}`, value: 'v'.repeat(VALUE_LIMIT) })));
    expect(headers.map(([name]) => name)).toEqual([...Array(count).keys()].map((i) => `X-${i}`));
    expect(headers.slice(0, LIST_LIMIT / VALUE_LIMIT).every(([, value]) => value.length === VALUE_LIMIT)).toBe(true);
    expect(headers.slice(LIST_LIMIT / VALUE_LIMIT).map(([, value]) => value)).toEqual([`… [${VALUE_LIMIT} more characters not kept]`, `… [${VALUE_LIMIT} more characters not kept]`]);
  });

  it('cuts a binary value the same way', () => {
    const [[, value]] = sentHeaders([{ name: 'X-Bytes', binaryValue: Array(VALUE_LIMIT + 1).fill(0x41) }]) as [[string, string]];
    expect(value).toBe(`${'A'.repeat(VALUE_LIMIT)}… [1 more characters not kept]`);
  });

  it("one request in flight with a 2.5 MB header on tab 2 does not evict tab 1's exchanges", async () => {
    // storage.session as Chrome counts it: 10 MB, a string at its length, an object at about three times its JSON.
    const stored = new Map<string, unknown>();
    const size = (items: Map<string, unknown>): number => [...items].reduce((n, [k, v]) => n + k.length + (typeof v === 'string' ? v.length : 3 * JSON.stringify(v).length), 0);
    const area: SessionStorageArea = {
      get: async () => Object.fromEntries(stored),
      set: async (items) => {
        const next = new Map(stored);
        for (const [key, value] of Object.entries(items)) next.set(key, value);
        if (size(next) > 10_000_000) throw new Error('Resource::kQuotaBytes quota exceeded');
        for (const [key, value] of Object.entries(items)) stored.set(key, value);
      },
      remove: async (keys) => void keys.forEach((key) => stored.delete(key)),
    };
    let service: CaptureService | undefined;
    const persistence = sessionPersistence(area, () => undefined, () => service?.storageFull());
    service = new CaptureService(persistence, {}, { warn: () => undefined });
    const tab1 = new SequenceBuilder('http://127.0.0.1:8080', 'http://127.0.0.1:8081', 1);
    for (let i = 0; i < 1500; i++) tab1.start(`a${i}`, 'GET', `/x${i}`).finish(`a${i}`, 'GET', `/x${i}`, { 'X-Pad': 'p'.repeat(2000) });
    for (const event of parseFixtureEvents(tab1.events)) service.ingest(event);
    await persistence.idle();
    expect(service.exchanges(1)).toHaveLength(1500);

    const tab2 = new SequenceBuilder('https://page.example', 'https://api.example', 2);
    tab2.start('b', 'PUT', '/slow').send('b', 'PUT', '/slow', { 'X-Big': 'b'.repeat(2_500_000) });
    for (const event of parseFixtureEvents(tab2.events)) service.ingest(event);
    await persistence.idle();
    expect(service.exchanges(1)).toHaveLength(1500);
    expect(service.exchanges(2)[0]?.requestHeaders?.find(([name]) => name === 'X-Big')?.[1]).toMatch(/^b{65536}… \[2434464 more characters not kept\]$/);
  });
});
