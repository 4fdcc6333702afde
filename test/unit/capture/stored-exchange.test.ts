/** The stored text of an exchange: lossless, smaller, and never trusted on the way back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { decodeExchange, encodeExchange } from '../../../src/capture/stored-exchange';
import { readFixtures } from '../../fixtures/web-request/web-request-fixture';
import { replay } from './replay-events';

const recorded: Exchange[] = [...readFixtures('chrome').values(), ...readFixtures('firefox').values()].flatMap((fixture) => {
  const { service } = replay(fixture.events);
  return [...new Set(fixture.events.map((e) => e.details['tabId'] as number))].flatMap((tabId) => service.exchanges(tabId));
});

const withoutDiagnosis = (exchange: Exchange): Exchange => ({ ...exchange, diagnosis: null });

describe('stored exchange text', () => {
  it('gives back every recorded exchange as it was, diagnosis aside', () => {
    expect(recorded.length).toBeGreaterThan(40);
    for (const exchange of recorded) expect(decodeExchange(encodeExchange(exchange))).toEqual(withoutDiagnosis(exchange));
  });

  it('writes a header repeated across the request, its preflights and responses once', () => {
    const preflighted = recorded.filter((e) => e.preflights.some((p) => p.response !== null) && e.response !== null);
    expect(preflighted.length).toBeGreaterThan(5);
    for (const exchange of preflighted) {
      expect(encodeExchange(exchange).length).toBeLessThan(JSON.stringify(withoutDiagnosis(exchange)).length * 0.9);
    }
  });

  it('round-trips any header names and values, odd bytes included', () => {
    const headerList = fc.array(fc.tuple(fc.string(), fc.string({ unit: 'binary' })), { maxLength: 8 });
    fc.assert(
      fc.property(headerList, headerList, headerList, (request, preflightRequest, response) => {
        const base = recorded.find((e) => e.preflights.length > 0 && e.response !== null) as Exchange;
        const [preflight] = base.preflights;
        const exchange: Exchange = {
          ...base,
          diagnosis: null,
          requestHeaders: request,
          preflights: preflight === undefined ? [] : [{ ...preflight, requestHeaders: preflightRequest, response: preflight.response && { ...preflight.response, headers: response } }],
          response: base.response && { ...base.response, headers: [...response, ...request] },
        };
        expect(decodeExchange(encodeExchange(exchange))).toEqual(exchange);
      }),
    );
    // 100 generated exchanges: 1-2 s alone, 4-6 s seen on a machine at load 10, over vitest's 5 s default.
  }, 30_000);

  it('writes each header once however many there are, in the order they first appear', () => {
    const base = recorded.find((e) => e.preflights.length > 0 && e.response !== null) as Exchange;
    const [preflight] = base.preflights;
    // 100 distinct headers, each sent twice: past the table's scanned size, so it is indexed too.
    const many = Array.from({ length: 100 }, (_, i) => [`X-H${i % 50}`, `v${i}`] as const);
    const exchange: Exchange = {
      ...base,
      diagnosis: null,
      requestHeaders: [...many, ...many.map(([name, value]) => [name, value] as const)],
      preflights: preflight === undefined ? [] : [{ ...preflight, requestHeaders: many.slice(40, 60) }],
      response: base.response && { ...base.response, headers: [...many.slice(90), ['x-h0', 'v0']] },
    };
    const text = encodeExchange(exchange);
    const stored = JSON.parse(text) as { h: unknown[]; x: { requestHeaders: number[] } };
    const lists = [exchange.requestHeaders ?? [], ...exchange.preflights.flatMap((p) => [p.requestHeaders, p.response?.headers ?? []]), exchange.response?.headers ?? []];
    const distinct = lists.flat().filter((h, i, all) => all.findIndex(([n, v]) => n === h[0] && v === h[1]) === i);
    expect(stored.h).toEqual(distinct);
    expect(stored.x.requestHeaders).toEqual([...many.keys(), ...many.keys()]);
    expect(decodeExchange(text)).toEqual(exchange);
  });

  it('reads text that is not an exchange as nothing, never throwing', () => {
    const good = JSON.parse(encodeExchange(recorded[0] as Exchange)) as { h: unknown[]; x: Record<string, unknown> };
    for (const text of [
      '',
      '{"v":1',
      JSON.stringify({ v: 2, h: [], x: {} }),
      JSON.stringify({ v: 1, h: 'no', x: {} }),
      JSON.stringify({ v: 1, h: [[1, 2]], x: good.x }),
      JSON.stringify({ ...good, h: [] }),
      JSON.stringify({ ...good, x: { ...good.x, requestHeaders: [999] } }),
      JSON.stringify({ ...good, x: { ...good.x, requestHeaders: ['0'] } }),
    ]) {
      expect(decodeExchange(text), text.slice(0, 60)).toBeUndefined();
    }
  });

  it('reads the first version\'s plain JSON as it was', () => {
    const exchange = withoutDiagnosis(recorded[0] as Exchange);
    expect(decodeExchange(JSON.stringify(exchange))).toEqual(exchange);
  });
});
