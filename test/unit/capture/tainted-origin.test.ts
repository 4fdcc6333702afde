import { describe, expect, it } from 'vitest';
import { replay } from './replay-events';
import { SequenceBuilder } from './sequence-builder';

/**
 * After a redirect through another origin, the request's origin is tainted: Chromium sends
 * `Origin: null` on the next hop and its preflight, and the CORS checks of that hop compare with
 * "null" (Fetch: serializing a request origin, redirect-taint).
 */
describe('the tainted origin of a hop after a cross-origin redirect', () => {
  /** A preflighted PUT to /a, redirected by a 307 to `to`, whose own preflight is answered with `allow`. */
  function redirectedPut(to: (s: SequenceBuilder) => string, origin: (s: SequenceBuilder) => string, allow: (s: SequenceBuilder) => Record<string, string>): { s: SequenceBuilder; next: string } {
    const s = new SequenceBuilder();
    const next = to(s);
    s.start('1', 'PUT', '/a');
    s.preflight('2', '/a', 'PUT', null);
    s.send('1', 'PUT', '/a').respond('1', 'PUT', '/a', 307, { 'Access-Control-Allow-Origin': s.page, Location: next }).redirect('1', 'PUT', '/a', next, 307);
    s.start('1', 'PUT', next);
    s.start('3', 'OPTIONS', next).send('3', 'OPTIONS', next, { Origin: origin(s), 'Access-Control-Request-Method': 'PUT' });
    s.respond('3', 'OPTIONS', next, 204, allow(s)).complete('3', 'OPTIONS', next, 204);
    s.fail('1', 'PUT', next);
    return { s, next };
  }

  it('to a third origin: the next preflight is checked against Origin: null, not the page (PreflightAllowOriginMismatch)', () => {
    const { s } = redirectedPut(() => 'http://b.test:8082/b', () => 'null', (b) => ({ 'Access-Control-Allow-Origin': b.page, 'Access-Control-Allow-Methods': 'PUT' }));
    const [exchange] = replay(s.events).exchanges();
    expect(exchange!.preflights.map((p) => p.requestId)).toEqual(['2', '3']);
    expect(exchange!.diagnosis!.verdict).toMatchObject({ ok: false, error: 'PreflightAllowOriginMismatch', failedParameter: s.page, stage: 'preflight' });
    expect(exchange!.diagnosis!.credentials.source).toBe('default');
  });

  it('back to the page\'s own origin: still CORS, its preflight (to the page origin) paired and checked against null', () => {
    const { s, next } = redirectedPut((b) => `${b.page}/b`, () => 'null', () => ({}));
    const [exchange] = replay(s.events).exchanges();
    expect(exchange!.url).toBe(next);
    expect(exchange!.preflights.map((p) => p.requestId)).toEqual(['2', '3']);
    expect(exchange!.diagnosis!.verdict).toMatchObject({ ok: false, error: 'PreflightMissingAllowOriginHeader', stage: 'preflight' });
    expect(exchange!.diagnosis!.verdict.explanation).not.toMatch(/CORS does not apply/);
  });

  it('a redirect within the API\'s origin taints nothing: the page\'s origin is checked', () => {
    const { s } = redirectedPut((b) => `${b.api}/b`, (b) => b.page, () => ({ 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Methods': 'PUT' }));
    const [exchange] = replay(s.events).exchanges();
    expect(exchange!.diagnosis!.verdict).toMatchObject({ ok: false, error: 'PreflightAllowOriginMismatch', failedParameter: 'null' });
  });

  it('a same-origin OPTIONS of the page itself, with no redirected request waiting, is not listed', () => {
    const s = new SequenceBuilder();
    const own = `${s.page}/own`;
    s.start('5', 'OPTIONS', own).send('5', 'OPTIONS', own).respond('5', 'OPTIONS', own).complete('5', 'OPTIONS', own);
    expect(replay(s.events).exchanges()).toEqual([]);
  });

  it('a same-origin OPTIONS that is no preflight, to the URL a redirected request waits on, is not listed nor paired', () => {
    const s = new SequenceBuilder();
    const back = `${s.page}/b`;
    s.start('1', 'GET', '/a').send('1', 'GET', '/a').respond('1', 'GET', '/a', 307, { 'Access-Control-Allow-Origin': s.page, Location: back }).redirect('1', 'GET', '/a', back, 307);
    s.start('1', 'GET', back);
    s.start('5', 'OPTIONS', back).send('5', 'OPTIONS', back).respond('5', 'OPTIONS', back).complete('5', 'OPTIONS', back);
    s.send('1', 'GET', back, { Origin: 'null' }).respond('1', 'GET', back, 200, { 'Access-Control-Allow-Origin': '*' }).complete('1', 'GET', back);
    const exchanges = replay(s.events).exchanges();
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.preflights).toEqual([]);
    expect(exchanges[0]!.diagnosis!.verdict.ok).toBe(true);
  });
});
