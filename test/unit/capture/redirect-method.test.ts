import { describe, expect, it } from 'vitest';
import { methodAfterRedirect } from '../../../src/capture/pairing-engine';
import { replay } from './replay-events';
import { SequenceBuilder } from './sequence-builder';

describe('a redirect that changes the method (Fetch, HTTP-redirect fetch, step 12)', () => {
  it('the rule: 301/302 of a POST and 303 of anything but GET/HEAD go on as GET; everything else keeps its method', () => {
    expect(methodAfterRedirect('POST', 301)).toBe('GET');
    expect(methodAfterRedirect('POST', 302)).toBe('GET');
    expect(methodAfterRedirect('POST', 303)).toBe('GET');
    expect(methodAfterRedirect('PUT', 303)).toBe('GET');
    expect(methodAfterRedirect('DELETE', 303)).toBe('GET');
    expect(methodAfterRedirect('HEAD', 303)).toBe('HEAD');
    expect(methodAfterRedirect('GET', 303)).toBe('GET');
    expect(methodAfterRedirect('PUT', 301)).toBe('PUT');
    expect(methodAfterRedirect('PUT', 302)).toBe('PUT');
    expect(methodAfterRedirect('POST', 307)).toBe('POST');
    expect(methodAfterRedirect('PUT', 308)).toBe('PUT');
  });

  it("303 of a preflighted PUT: the next hop is a GET by Fetch's rule (Chrome announces the same), classified as a simple request, not a cache hit", () => {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/a');
    s.preflight('2', '/a', 'PUT', null);
    s.send('1', 'PUT', '/a').respond('1', 'PUT', '/a', 303, { 'Access-Control-Allow-Origin': s.page, Location: '/b' }).redirect('1', 'PUT', '/a', '/b', 303);
    s.start('1', 'GET', '/b').send('1', 'GET', '/b').respond('1', 'GET', '/b', 200, { 'Access-Control-Allow-Origin': s.page, Vary: 'Origin' }).complete('1', 'GET', '/b');
    const [exchange] = replay(s.events).exchanges();
    expect(exchange).toMatchObject({ method: 'GET', url: `${s.api}/b`, preflightCache: null, redirects: [{ from: `${s.api}/a`, to: `${s.api}/b`, status: 303 }] });
    // The first hop's preflight still shows the PUT it was sent for.
    expect(exchange!.preflights.map((p) => p.accessControlRequestMethod)).toEqual(['PUT']);
    expect(exchange!.diagnosis!.classification).toMatchObject({ method: 'GET', preflight: false });
    expect(exchange!.diagnosis!.verdict).toMatchObject({ ok: true, missing: [] });
  });

  it('302 of a POST with Content-Type application/json: GET without the body\'s headers, by the rule when the next hop\'s start is not seen', () => {
    const s = new SequenceBuilder();
    s.start('1', 'POST', '/a');
    s.preflight('2', '/a', 'POST', 'content-type');
    s.send('1', 'POST', '/a', { 'Content-Type': 'application/json' });
    s.respond('1', 'POST', '/a', 302, { 'Access-Control-Allow-Origin': s.page, Location: '/b' }).redirect('1', 'POST', '/a', '/b', 302);
    s.send('1', 'GET', '/b').respond('1', 'GET', '/b', 200, { 'Access-Control-Allow-Origin': s.page }).complete('1', 'GET', '/b');
    const [exchange] = replay(s.events).exchanges();
    expect(exchange).toMatchObject({ method: 'GET', preflightCache: null, state: 'complete' });
    expect(exchange!.diagnosis!.classification).toMatchObject({ method: 'GET', preflight: false, requestHeaders: [] });
  });

  it('a redirect that keeps the method keeps it: a 302 of a PUT is still a PUT (and preflighted again)', () => {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/a');
    s.preflight('2', '/a', 'PUT', null);
    s.send('1', 'PUT', '/a').respond('1', 'PUT', '/a', 302, { 'Access-Control-Allow-Origin': s.page, Location: '/b' }).redirect('1', 'PUT', '/a', '/b', 302);
    s.start('1', 'PUT', '/b');
    s.preflight('3', '/b', 'PUT', null);
    s.send('1', 'PUT', '/b').respond('1', 'PUT', '/b').complete('1', 'PUT', '/b');
    const [exchange] = replay(s.events).exchanges();
    expect(exchange).toMatchObject({ method: 'PUT', preflightCache: null });
    expect(exchange!.preflights.map((p) => p.requestId)).toEqual(['2', '3']);
    expect(exchange!.diagnosis!.verdict.ok).toBe(true);
  });
});
