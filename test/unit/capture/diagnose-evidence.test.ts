import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { replay } from './replay-events';
import { SequenceBuilder } from './sequence-builder';
import { plainQuoting } from '../../../src/report/firefox-verdict-words';
import { inferredModeWords } from '../../../src/report/inferred-mode-words';

/** The one exchange of a replayed sequence. */
function only(s: SequenceBuilder): Exchange {
  const exchanges = replay(s.events).exchanges();
  expect(exchanges).toHaveLength(1);
  return exchanges[0]!;
}

describe('a request its preflight stopped: the preflight is the evidence', () => {
  /** Chrome: the request starts, its preflight is answered, the request fails and is never sent (no headers). */
  function stopped(method: string, acrh: string, allow: Record<string, string>): SequenceBuilder {
    const s = new SequenceBuilder();
    s.start('1', method, '/x');
    s.preflight('2', '/x', method, acrh, allow);
    return s.fail('1', method, '/x');
  }

  it('GET with an Accept the browser listed: preflight needed, accept unsafe, HeaderDisallowedByPreflightResponse accept (as Chromium reports)', () => {
    const s = stopped('GET', 'accept', { 'Access-Control-Allow-Origin': 'http://127.0.0.1:8080', 'Access-Control-Allow-Methods': 'GET' });
    const d = only(s).diagnosis!;
    // An empty Accept is safelisted: read with empty values, this was a "simple request" with its preflight ignored.
    expect(d.classification).toMatchObject({ preflight: true, requestHeaders: ['accept'] });
    expect(d.verdict).toMatchObject({ ok: false, error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'accept', stage: 'preflight' });
    expect(d.verdict.fix.preflight).toEqual(['Access-Control-Allow-Headers: accept']);
  });

  it('the reason for a safelisted name comes from the preflight, not from a value never seen', () => {
    const s = stopped('POST', 'content-type', { 'Access-Control-Allow-Origin': 'http://127.0.0.1:8080', 'Access-Control-Allow-Methods': 'POST' });
    const [reason] = only(s).diagnosis!.classification.reasons;
    expect(reason).toMatchObject({ rule: 'header-value', header: 'content-type', value: '' });
    expect(reason!.message).toContain("Access-Control-Request-Headers");
    expect(reason!.message).toContain('not observed');
    expect(reason!.message).not.toContain('""');
    expect(reason!.message).not.toMatch(/MIME|bytes long/);
  });

  it('a name no value makes safe keeps the core\'s reason, named by the header only', () => {
    const s = stopped('PUT', 'x-api-key', { 'Access-Control-Allow-Origin': 'http://127.0.0.1:8080', 'Access-Control-Allow-Methods': 'PUT' });
    const d = only(s).diagnosis!;
    expect(d.classification.requestHeaders).toEqual(['x-api-key']);
    expect(d.classification.reasons.map((r) => [r.rule, r.header, r.value])).toEqual([['method', null, 'PUT'], ['header-name', 'x-api-key', '']]);
    expect(d.verdict).toMatchObject({ ok: false, error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-api-key' });
  });

  it('a preflight that passed, then a request lost on the network: the explanation quotes no stand-in value', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/x');
    s.preflight('2', '/x', 'GET', 'accept');
    s.fail('1', 'GET', '/x', 'net::ERR_CONNECTION_RESET');
    const d = only(s).diagnosis!;
    expect(d.classification.preflight).toBe(true);
    expect(d.verdict.ok).toBeNull();
    expect(d.verdict.explanation).toContain('not observed: the preflight stopped the request');
    expect(d.verdict.explanation).not.toMatch(/xxxx|129 bytes/);
  });
});

describe('a preflight that failed at the network level', () => {
  /** Chrome: the OPTIONS ends with onErrorOccurred (no response), and the request with the same network error. */
  function reset(acrh: string | null = null): SequenceBuilder {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/x');
    s.start('2', 'OPTIONS', '/x').send('2', 'OPTIONS', '/x', { 'Access-Control-Request-Method': 'PUT', ...(acrh === null ? {} : { 'Access-Control-Request-Headers': acrh }) });
    s.fail('2', 'OPTIONS', '/x', 'net::ERR_CONNECTION_RESET');
    return s.fail('1', 'PUT', '/x', 'net::ERR_CONNECTION_RESET');
  }

  it('says the preflight got no answer and no CORS check ran: not "no preflight was observed", no CORS error, no fix lines', () => {
    const exchange = only(reset());
    expect(exchange.preflights).toHaveLength(1);
    const v = exchange.diagnosis!.verdict;
    expect(v).toMatchObject({ ok: null, error: null, failedParameter: null, stage: null, missing: ['response'], fix: { preflight: [], response: [] } });
    expect(v.explanation).not.toMatch(/No preflight was observed|preflight cache/);
    expect(v.explanation).toContain('net::ERR_CONNECTION_RESET');
    expect(v.explanation).toContain('No CORS check ran');
  });

  it('keeps the classification the preflight shows', () => {
    const d = only(reset('x-api-key')).diagnosis!;
    expect(d.classification).toMatchObject({ preflight: true, method: 'PUT', requestHeaders: ['x-api-key'] });
    expect(d.verdict.explanation).toContain('Access-Control-Request-Headers: x-api-key');
  });

  it('a preflight answered and refused is still a CORS failure (Chrome ends that OPTIONS with onCompleted)', () => {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/x');
    s.preflight('2', '/x', 'PUT', null, { 'Access-Control-Allow-Origin': s.page });
    s.fail('1', 'PUT', '/x');
    expect(only(s).diagnosis!.verdict).toMatchObject({ ok: false, error: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' });
  });
});

describe('a POST whose mode was inferred (plain http, no Sec-Fetch-Mode) answered without Access-Control-Allow-Origin', () => {
  /** fetch(url, { method: 'POST', mode: 'no-cors', body }) or sendBeacon: Origin is sent, as for a CORS POST. */
  function post(end: 'complete' | 'fail', headers: Record<string, string> = {}): SequenceBuilder {
    const s = new SequenceBuilder('http://a.test', 'http://b.test');
    s.start('1', 'POST', '/beacon').send('1', 'POST', '/beacon', { 'Content-Type': 'text/plain;charset=UTF-8', ...headers }).respond('1', 'POST', '/beacon', 200, {});
    return end === 'complete' ? s.complete('1', 'POST', '/beacon') : s.fail('1', 'POST', '/beacon');
  }

  it('Chrome completed it: no CORS check failed (Chrome ends every CORS block with net::ERR_FAILED), likely a no-cors request', () => {
    const exchange = only(post('complete'));
    expect(exchange.mode).toEqual({ value: 'cors', source: 'inferred' });
    const d = exchange.diagnosis!;
    expect(d.blockedByBrowser).toBe(false);
    // The core reads it as the no-cors request it likely was; the CORS reading is kept beside it.
    expect(d.mode).toEqual({ value: 'no-cors', source: 'likely' });
    expect(d.verdict).toMatchObject({ ok: true, error: null, failedParameter: null, stage: null, fix: { preflight: [], response: [] } });
    expect(d.verdict.explanation).toMatch(/^CORS does not apply to POST http:\/\/b\.test\/beacon as a no-cors request: /);
    expect(d.ifCorsMode).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader', stage: 'response' });
    const words = inferredModeWords(d, plainQuoting) ?? '';
    expect(words).toMatch(/^Likely a no-cors request: .*Chromium ends every request CORS blocks with net::ERR_FAILED/);
    expect(words).toContain('Had it been a CORS request, it would have failed with MissingAllowOriginHeader.');
  });

  it('Chrome failed it with net::ERR_FAILED: the CORS block stands, its mode not in doubt', () => {
    const d = only(post('fail')).diagnosis!;
    expect(d.verdict).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader' });
    expect(d.mode).toBeUndefined();
  });

  it('Sec-Fetch-Mode says cors: the mode is known, the verdict is the core\'s', () => {
    expect(only(post('complete', { 'Sec-Fetch-Mode': 'cors' })).diagnosis!.verdict).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader' });
  });

  it('Firefox ends a blocked simple request with onCompleted too: the failure stands, said to hold if it was a CORS request', () => {
    const d = replay(post('complete').events, { browser: 'firefox' }).exchanges()[0]!.diagnosis!;
    expect(d.verdict).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader', firefoxReason: 'CORSMissingAllowOrigin2' });
    expect(d.mode).toEqual({ value: 'cors', source: 'inferred' });
    expect(d.ifCorsMode).toBeUndefined();
    expect(inferredModeWords(d, plainQuoting)).toMatch(/^Read as a CORS request: .*so this holds if it was a CORS request\.$/);
  });
});
