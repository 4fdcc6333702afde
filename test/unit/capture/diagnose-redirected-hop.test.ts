import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { replay } from './replay-events';
import { SequenceBuilder } from './sequence-builder';

/**
 * After a redirect, the exchange keeps the headers last seen: for a hop its preflight stopped
 * (never sent, so Chromium shows none), they are the previous hop's. A cross-origin redirect
 * removes Authorization (Fetch, HTTP-redirect fetch, step 13), so the next hop's preflight does not
 * list it; the hop is read by its preflight's evidence, not by the previous hop's headers.
 */
describe('a redirected hop its preflight stopped is read by its own preflight', () => {
  const next = 'http://b.test:8082/b';

  /** Chrome: a PUT with Authorization and X-Api-Key passes to /a, is redirected by a 307 to another origin, and that hop's preflight is answered with `allow`. */
  function redirected(allow: Record<string, string> | null, end = 'net::ERR_FAILED'): SequenceBuilder {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/a');
    s.preflight('2', '/a', 'PUT', 'authorization,x-api-key');
    s.send('1', 'PUT', '/a', { Authorization: 'Bearer t', 'X-Api-Key': '1' });
    s.respond('1', 'PUT', '/a', 307, { 'Access-Control-Allow-Origin': s.page, Location: next }).redirect('1', 'PUT', '/a', next, 307);
    s.start('1', 'PUT', next);
    s.start('3', 'OPTIONS', next).send('3', 'OPTIONS', next, { Origin: 'null', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-api-key' });
    if (allow === null) s.fail('3', 'OPTIONS', next, end);
    else s.respond('3', 'OPTIONS', next, 204, allow).complete('3', 'OPTIONS', next, 204);
    return s.fail('1', 'PUT', next, end);
  }

  function only(s: SequenceBuilder, browser: 'chromium' | 'firefox' = 'chromium'): Exchange {
    const exchanges = replay(s.events, { browser }).exchanges();
    expect(exchanges).toHaveLength(1);
    return exchanges[0]!;
  }

  it('refused by its preflight: the names its preflight listed, not the previous hop\'s Authorization', () => {
    const s = new SequenceBuilder();
    const exchange = only(redirected({ 'Access-Control-Allow-Origin': s.page, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-api-key' }));
    // The previous hop's headers are still what the exchange holds.
    expect(exchange.requestHeaders!.map(([name]) => name)).toContain('Authorization');
    const d = exchange.diagnosis!;
    expect(d.classification).toMatchObject({ preflight: true, requestHeaders: ['x-api-key'] });
    expect(d.classification.reasons.map((r) => r.header)).not.toContain('authorization');
    expect(d.verdict).toMatchObject({ ok: false, error: 'PreflightAllowOriginMismatch', failedParameter: s.page, stage: 'preflight' });
    expect(d.verdict.fix.preflight).toEqual(['Access-Control-Allow-Origin: null']);
    expect(d.verdict.explanation).not.toMatch(/authorization/i);
  });

  it('its preflight got no answer: the sentence names the preflight\'s list', () => {
    const d = only(redirected(null, 'net::ERR_CONNECTION_REFUSED')).diagnosis!;
    expect(d.classification.requestHeaders).toEqual(['x-api-key']);
    expect(d.verdict).toMatchObject({ ok: null, error: null, missing: ['response'] });
    expect(d.verdict.explanation).toContain('Access-Control-Request-Headers: x-api-key) for PUT http://b.test:8082/b from null, and it got no answer');
  });

  it('a hop sent after its preflight passed is read by its own headers (values known)', () => {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/a');
    s.preflight('2', '/a', 'PUT', 'x-api-key');
    s.send('1', 'PUT', '/a', { 'X-Api-Key': 'one' }).respond('1', 'PUT', '/a', 307, { 'Access-Control-Allow-Origin': s.page, Location: '/b' }).redirect('1', 'PUT', '/a', '/b', 307);
    s.start('1', 'PUT', '/b');
    s.preflight('3', '/b', 'PUT', 'x-api-key');
    s.send('1', 'PUT', '/b', { 'X-Api-Key': 'two' });
    s.fail('1', 'PUT', '/b', 'net::ERR_CONNECTION_RESET');
    const d = only(s).diagnosis!;
    expect(d.classification.reasons.find((r) => r.header === 'x-api-key')?.value).toBe('two');
    expect(d.verdict).toMatchObject({ ok: null, missing: ['response'] });
  });
});
