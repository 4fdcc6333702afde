import { afterEach, describe, expect, it, vi } from 'vitest';
import { isExchangeShape } from '../../../src/protocol/exchange-shape';
import { PROTOCOL_VERSION, parseBackgroundMessage } from '../../../src/protocol/messages';
import { readFixtures } from '../../fixtures/web-request/web-request-fixture';
import { replay } from '../capture/replay-events';
import { allowOrigin, exchange } from '../panel/exchange-builder';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every exchange the capture makes of the recorded sequences, pending ones included, in each version it was sent. */
function capturedExchanges() {
  return [...readFixtures('chrome').values(), ...readFixtures('firefox').values()].flatMap((fixture) => replay(fixture.events).updates);
}

describe('the shape of an exchange from the background', () => {
  it('is the shape of every exchange the capture sends', () => {
    const sent = capturedExchanges();
    expect(sent.length).toBeGreaterThan(50);
    const readable = sent.map((e) => isExchangeShape(e));
    expect(sent.map((e) => e.id).filter((_, i) => !readable[i])).toEqual([]);
  });

  it('is not that of an exchange missing a field the panel reads, or with one of another type', () => {
    const good = exchange({ preflight: { status: 204, headers: [allowOrigin] }, response: { status: 200, headers: [allowOrigin] } });
    expect(isExchangeShape(good)).toBe(true);
    const broken = [
      { id: '1:1', method: 'GET', url: 'http://x/' },
      { ...good, tabId: '1' },
      { ...good, state: 'done' },
      { ...good, preflights: null },
      { ...good, preflights: [{}] },
      { ...good, preflights: good.preflights.map((p) => ({ ...p, accessControlRequestHeaders: 'x-api-key' })) },
      { ...good, preflights: good.preflights.map((p) => ({ ...p, url: null })) },
      { ...good, redirects: undefined },
      { ...good, requestHeaders: 'Origin: x' },
      { ...good, response: { status: '200', headers: [] } },
      { ...good, preflightCache: [] },
      { ...good, diagnosis: {} },
      { ...good, diagnosis: { ...good.diagnosis, verdict: null } },
      null,
      'exchange',
    ];
    expect(broken.filter((value) => isExchangeShape(value))).toEqual([]);
  });
});

describe('parseBackgroundMessage', () => {
  it('passes a well-formed message through as it is', () => {
    const message = { type: 'exchanges', tabId: 1, exchanges: [exchange({ response: { status: 200, headers: [allowOrigin] } })], evicted: 0 };
    expect(parseBackgroundMessage(message)).toBe(message);
  });

  it('refuses a message without the fields of its type', () => {
    const malformed = [
      { type: 'snapshot', version: PROTOCOL_VERSION, tabId: 1, remaining: 0, evicted: 0, preserveLog: false },
      { type: 'snapshot-page', tabId: 1, exchanges: {}, remaining: 0 },
      { type: 'exchanges', tabId: 1, evicted: 0 },
      { type: 'exchanges', tabId: 1, exchanges: [] },
      { type: 'cleared' },
      { type: 'version-mismatch', expected: PROTOCOL_VERSION },
      { type: 'hello' },
    ];
    expect(malformed.filter((message) => parseBackgroundMessage(message) !== undefined)).toEqual([]);
  });

  it('drops the malformed exchanges of a message with a warning, keeping the others', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = exchange({ response: { status: 200, headers: [allowOrigin] } });
    const parsed = parseBackgroundMessage({ type: 'exchanges', tabId: 1, exchanges: [{ id: '1:bogus' }, good], evicted: 0 });
    expect(parsed).toEqual({ type: 'exchanges', tabId: 1, exchanges: [good], evicted: 0 });
    expect(warn).toHaveBeenCalledOnce();
  });
});
