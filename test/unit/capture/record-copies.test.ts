import { describe, expect, it } from 'vitest';
import { copyExchange, copyPreflightRecord, newExchange } from '../../../src/capture/new-exchange';
import { copyTrackedPreflight, copyTrackedRequest, type TrackedPreflight, type TrackedRequest } from '../../../src/capture/pairing-state';

/** The copies the pairing makes instead of spreading must keep every field, in order: they are persisted and serialized. */
describe('record copies', () => {
  const request: TrackedRequest = { requestId: '12', tabId: 7, frameId: 0, url: 'https://api.example/x', method: 'PUT', type: 'xmlhttprequest', initiator: 'https://app.example', startTime: 5, exchange: null, hopPreflight: null };
  const exchange = { ...newExchange(request, { value: 'cors', source: 'sec-fetch-mode' }, [['X-Api-Key', '1']]), endTime: 9, state: 'complete' as const };
  const record = { requestId: '13', url: request.url, accessControlRequestMethod: 'PUT', accessControlRequestHeaders: ['x-api-key'], requestHeaders: [], response: null, error: 'x', startTime: 4, endTime: 6 };
  const preflight: TrackedPreflight = { requestId: '13', tabId: 7, frameId: 0, url: request.url, initiator: request.initiator, record, pairedWith: '7:12', ended: true };
  const tracked: TrackedRequest = { ...request, exchange, hopPreflight: '13' };

  it.each([
    ['exchange', exchange, copyExchange(exchange)],
    ['preflight record', record, copyPreflightRecord(record)],
    ['tracked request', tracked, copyTrackedRequest(tracked)],
    ['tracked preflight', preflight, copyTrackedPreflight(preflight)],
  ] as const)('copies a %s field for field, as JSON too', (_, original, copy) => {
    expect(copy).not.toBe(original);
    expect(copy).toStrictEqual(original);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
  });
});
