import { describe, expect, it } from 'vitest';
import { isIncidentalHeader, isUnexpectedPreflight } from './unexpected-preflight';
import { allowHeaders, allowMethods, allowOrigin, answer, exchange, simpleGet } from './test-exchanges';

const passing = (method: string, headers: ReadonlyArray<readonly [string, string]>) =>
  exchange({ method, headers, preflight: answer(204, allowOrigin, allowMethods(method), allowHeaders('*')), response: answer(200, allowOrigin) });

describe('isUnexpectedPreflight (likely unexpected)', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['a tracing header alone', 'GET', [['X-Request-Id', 'abc']]],
    ['W3C trace context', 'POST', [['traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']]],
    ['B3 headers', 'GET', [['X-B3-TraceId', '1'], ['X-B3-SpanId', '2']]],
    ['X-Requested-With', 'GET', [['X-Requested-With', 'XMLHttpRequest']]],
    ['Cache-Control set by a library', 'GET', [['Cache-Control', 'no-cache']]],
    ['JSON Content-Type on a GET', 'GET', [['Content-Type', 'application/json']]],
    ['a non-safelisted Accept value', 'GET', [['Accept', 'application/json; x="("']]],
    ['a multi-range', 'GET', [['Range', 'bytes=0-1,5-6']]],
    ['tracing plus JSON on a GET', 'GET', [['X-Correlation-Id', '1'], ['Content-Type', 'application/json']]],
  ])('flags %s', (_, method, headers) => {
    expect(isUnexpectedPreflight(passing(method, headers))).toBe(true);
  });

  it.each<[string, string, Array<[string, string]>]>([
    ['a PUT', 'PUT', []],
    ['Authorization', 'GET', [['Authorization', 'Bearer x']]],
    ['an API key', 'GET', [['X-Api-Key', 'k']]],
    ['JSON on a POST', 'POST', [['Content-Type', 'application/json']]],
    ['a tracing header on a DELETE', 'DELETE', [['X-Request-Id', '1']]],
    ['a tracing header with Authorization', 'GET', [['X-Request-Id', '1'], ['Authorization', 'x']]],
  ])('does not flag %s', (_, method, headers) => {
    expect(isUnexpectedPreflight(passing(method, headers))).toBe(false);
  });

  it('is false without a preflight or a diagnosis', () => {
    expect(isUnexpectedPreflight(simpleGet())).toBe(false);
    expect(isUnexpectedPreflight({ ...passing('GET', [['X-Request-Id', '1']]), diagnosis: null })).toBe(false);
  });

  it('knows tracing headers by name and prefix', () => {
    expect(isIncidentalHeader('x-datadog-trace-id')).toBe(true);
    expect(isIncidentalHeader('sentry-trace')).toBe(true);
    expect(isIncidentalHeader('x-api-key')).toBe(false);
  });
});
