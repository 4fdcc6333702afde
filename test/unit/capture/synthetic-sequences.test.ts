/** Sequences built by hand where no recording is practical: the orders that exercise reconciliation. */
import { describe, expect, it } from 'vitest';
import { SequenceBuilder } from './sequence-builder';
import { pairing, replay } from './replay-events';

describe('pairing on built sequences', () => {
  it('swaps two provisional pairings once Chrome shows the headers (preflights sent in the other order)', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/x').start('2', 'GET', '/x');
    // Request 2's preflight goes first: both are paired to the oldest request while headers are unseen.
    s.preflight('3', '/x', 'GET', 'x-b').preflight('4', '/x', 'GET', 'x-a');
    s.finish('1', 'GET', '/x', { 'X-A': '1' }).finish('2', 'GET', '/x', { 'X-B': '1' });
    expect(pairing(replay(s.events).exchanges())).toEqual({ 1: ['4'], 2: ['3'] });
  });

  it('moves a preflight off a simple request to the sibling it belongs to', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/x').start('2', 'GET', '/x');
    s.preflight('3', '/x', 'GET', 'x-a');
    s.finish('1', 'GET', '/x').finish('2', 'GET', '/x', { 'X-A': '1' });
    const exchanges = replay(s.events).exchanges();
    expect(pairing(exchanges)).toEqual({ 1: [], 2: ['3'] });
    expect(exchanges[0]?.preflightCache).toBeNull();
  });

  it('never pairs across methods, frames or URLs', () => {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/x').start('2', 'DELETE', '/x').start('5', 'PUT', '/y');
    s.preflight('3', '/x', 'DELETE', null).preflight('4', '/x', 'PUT', null).preflight('6', '/y', 'PUT', null);
    s.finish('1', 'PUT', '/x').finish('2', 'DELETE', '/x').finish('5', 'PUT', '/y');
    expect(pairing(replay(s.events).exchanges())).toEqual({ 1: ['4'], 2: ['3'], 5: ['6'] });
  });

  it('never pairs across tabs or frames, though URL and method match', () => {
    const s = new SequenceBuilder();
    // Each of the other tab's and frame's requests starts first: the oldest candidate, were tab and frame not checked.
    s.start('1', 'PUT', '/x').start('5', 'PUT', '/x').start('2', 'PUT', '/x');
    s.preflight('3', '/x', 'PUT', null).preflight('4', '/x', 'PUT', null).preflight('6', '/x', 'PUT', null);
    s.finish('2', 'PUT', '/x').finish('1', 'PUT', '/x').finish('5', 'PUT', '/x');
    const moved = { 1: { tabId: 8 }, 4: { tabId: 8 }, 5: { frameId: 3 }, 6: { frameId: 3 } } as Record<string, object>;
    const run = replay(s.events.map((e) => ({ ...e, details: { ...e.details, ...moved[String(e.details['requestId'])] } })));
    expect(pairing(run.exchanges(7))).toEqual({ 5: ['6'], 2: ['3'] });
    expect(pairing(run.exchanges(8))).toEqual({ 1: ['4'] });
  });

  it('pairs in Firefox order (the request\'s headers before its preflight) by header names', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/x').send('1', 'GET', '/x', { 'X-B': '1' });
    s.start('2', 'GET', '/x').send('2', 'GET', '/x', { 'X-A': '1' });
    s.preflight('3', '/x', 'GET', 'x-a').preflight('4', '/x', 'GET', 'x-b');
    s.respond('1', 'GET', '/x').complete('1', 'GET', '/x').respond('2', 'GET', '/x').complete('2', 'GET', '/x');
    expect(pairing(replay(s.events).exchanges())).toEqual({ 1: ['4'], 2: ['3'] });
  });

  it('Firefox: pairs by Firefox\'s own header rules (a client hint a page sets preflights there, not in Chromium)', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/x').send('1', 'GET', '/x', { DPR: '2' });
    s.start('2', 'GET', '/x').send('2', 'GET', '/x', { 'X-A': '1' });
    s.preflight('3', '/x', 'GET', 'x-a').preflight('4', '/x', 'GET', 'dpr');
    s.respond('1', 'GET', '/x').complete('1', 'GET', '/x').respond('2', 'GET', '/x').complete('2', 'GET', '/x');
    const exchanges = replay(s.events, { browser: 'firefox' }).exchanges();
    expect(pairing(exchanges)).toEqual({ 1: ['4'], 2: ['3'] });
    expect(exchanges[0]?.diagnosis?.classification.requestHeaders).toEqual(['dpr']);
    // Read with Chromium's rules, where DPR is safelisted, the DPR request needs no preflight.
    expect(pairing(replay(s.events).exchanges())[1]).toEqual([]);
  });

  it('Firefox: a failed preflight errors both, and the request keeps its preflight', () => {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/x').send('1', 'PUT', '/x');
    s.start('2', 'OPTIONS', '/x').send('2', 'OPTIONS', '/x', { 'Access-Control-Request-Method': 'PUT' });
    s.respond('2', 'OPTIONS', '/x', 204, {}).fail('2', 'OPTIONS', '/x', 'NS_ERROR_DOM_BAD_URI').fail('1', 'PUT', '/x', 'NS_ERROR_DOM_BAD_URI');
    const [exchange] = replay(s.events).exchanges();
    expect(pairing(replay(s.events).exchanges())).toEqual({ 1: ['2'] });
    expect(exchange?.preflights[0]?.error).toBe('NS_ERROR_DOM_BAD_URI');
    expect(exchange?.diagnosis?.verdict).toMatchObject({ ok: false, error: 'PreflightMissingAllowOriginHeader' });
    expect(exchange?.diagnosis?.blockedByBrowser).toBe(true);
  });

  it('Firefox: a simple request that fails CORS completes normally; the core gives the verdict', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/x').send('1', 'GET', '/x').respond('1', 'GET', '/x', 200, {}).complete('1', 'GET', '/x');
    const [exchange] = replay(s.events).exchanges();
    expect(exchange).toMatchObject({ state: 'complete', error: null });
    expect(exchange?.diagnosis).toMatchObject({ blockedByBrowser: false, verdict: { ok: false, error: 'MissingAllowOriginHeader' } });
  });

  it('keeps a preflight whose request it never saw start (background restarted) and gives it to the request', () => {
    const s = new SequenceBuilder();
    s.preflight('2', '/x', 'PUT', 'content-type');
    s.finish('1', 'PUT', '/x', { 'Content-Type': 'application/json' });
    const [exchange] = replay(s.events).exchanges();
    expect(pairing([exchange!])).toEqual({ 1: ['2'] });
    expect(exchange?.preflightCache).toBeNull();
  });

  it('keeps a failed preflight whose request only shows its error', () => {
    const s = new SequenceBuilder();
    s.preflight('2', '/x', 'PUT', null, {}).fail('1', 'PUT', '/x');
    const [exchange] = replay(s.events).exchanges();
    expect(pairing([exchange!])).toEqual({ 1: ['2'] });
    expect(exchange?.diagnosis?.verdict).toMatchObject({ ok: false, error: 'PreflightMissingAllowOriginHeader' });
    // Its start was not seen; it began no later than its preflight, not when its error came.
    expect(exchange?.startTime).toBe(exchange?.preflights[0]?.startTime);
  });

  it('takes up a same-origin request that redirects cross-origin, diagnosed with Origin: null', () => {
    const s = new SequenceBuilder();
    const sameOrigin = `${s.page}/go`;
    s.start('1', 'GET', sameOrigin).redirect('1', 'GET', sameOrigin, '/x', 302);
    s.start('1', 'GET', '/x').send('1', 'GET', '/x', { Origin: 'null' }).respond('1', 'GET', '/x', 200, { 'Access-Control-Allow-Origin': s.page }).fail('1', 'GET', '/x');
    const [exchange] = replay(s.events).exchanges();
    expect(exchange?.url).toBe(s.url('/x'));
    expect(exchange?.diagnosis?.verdict).toMatchObject({ ok: false, error: 'AllowOriginMismatch' });
  });

  it('says "cached" without a link when the filling preflight was not seen', () => {
    const s = new SequenceBuilder();
    s.start('1', 'PUT', '/x').finish('1', 'PUT', '/x');
    expect(replay(s.events).exchanges()[0]?.preflightCache).toEqual({ exchangeId: null, maxAge: null });
  });

  it('infers the mode where Fetch Metadata is not sent: Origin => cors, none on a GET => no-cors', () => {
    const s = new SequenceBuilder('http://a.test', 'http://b.test');
    s.start('1', 'GET', '/x').finish('1', 'GET', '/x');
    s.start('2', 'GET', '/img', 'image');
    s.events.push({ event: 'onSendHeaders', details: { requestId: '2', tabId: 7, frameId: 0, url: 'http://b.test/img', method: 'GET', type: 'image', initiator: 'http://a.test', timeStamp: 5000, requestHeaders: [] } });
    s.complete('2', 'GET', '/img');
    const exchanges = replay(s.events).exchanges();
    expect(exchanges.map((e) => [e.url, e.mode])).toEqual([['http://b.test/x', { value: 'cors', source: 'inferred' }]]);
  });
});
