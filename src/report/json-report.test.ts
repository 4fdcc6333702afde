import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../capture/exchange';
import { diagnose } from '../capture/diagnose';
import { jsonReport, preflightState, REPORT_SCHEMA_VERSION } from './json-report';
import { type JsonSchema, validateJson } from './json-schema-subset';
import { allowHeaders, allowMethods, allowOrigin, answer, API, exchange, failingPut, maxAge, simpleGet } from './test-exchanges';

const schema = JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8')) as JsonSchema;

function variety() {
  const redirected = { ...simpleGet(), redirects: [{ from: `${API}/old`, to: `${API}/items`, status: 307, time: 5 }] };
  return [
    simpleGet(),
    failingPut(),
    exchange({ response: answer(200) }),
    exchange({ method: 'PUT', preflight: 'cached', cacheMaxAge: 60, response: answer(200, allowOrigin) }),
    exchange({
      headers: [['X-Request-Id', '1'], ['Authorization', 'Bearer abcdefgh12345']],
      cookie: 'a=b',
      preflight: answer(204, allowOrigin, allowHeaders('x-request-id, authorization'), maxAge(10)),
      response: answer(500),
    }),
    exchange({ method: 'patch', preflight: answer(204, allowOrigin, allowMethods('PATCH')) }),
    redirected,
    { ...simpleGet(), state: 'pending' as const, endTime: null, response: null, diagnosis: null },
    exchange({ url: 'not a url', origin: 'null', headers: [['X\u0000', '\u202e<b>']], response: answer(200) }),
    // Firefox: a pass that fails if sent with credentials carries that second verdict.
    simpleGet({ browser: 'firefox' }),
  ];
}

describe('jsonReport', () => {
  const report = jsonReport(variety(), { generatedAt: '2025-11-22T01:00:00.000Z', source: 'https://app.example/' });

  it('is a versioned envelope', () => {
    expect(report).toMatchObject({ schema: 'cors-devtools-report', schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: '2025-11-22T01:00:00.000Z', source: 'https://app.example/', redacted: true });
    expect(report.summary.total).toBe(10);
    expect(report.exchanges).toHaveLength(10);
  });

  it('matches the published JSON Schema, after a JSON round trip', () => {
    const parsed: unknown = JSON.parse(JSON.stringify(report));
    expect(validateJson(parsed, schema)).toEqual([]);
    const kept: unknown = JSON.parse(JSON.stringify(jsonReport(variety(), { keepCredentials: true })));
    expect(validateJson(kept, schema)).toEqual([]);
    expect(validateJson(JSON.parse(JSON.stringify(jsonReport([]))), schema)).toEqual([]);
  });

  it('gives the core description, timings and preflight state of each exchange', () => {
    const [, put, , cached, traced] = report.exchanges;
    expect(put?.preflight.state).toBe('sent');
    expect(put?.preflight.sent[0]?.durationMs).toBe(4);
    expect(put?.timings.preflightMs).toBe(4);
    expect(put?.diagnosis?.verdict.error).toBe('PreflightMissingAllowOriginHeader');
    expect(put?.request.headers).toBeNull();
    expect(cached?.preflight).toMatchObject({ state: 'cached', cache: { exchangeId: null, maxAge: 60 }, sent: [] });
    expect(traced?.diagnosis?.classification.requestHeaders).toEqual(['authorization', 'x-request-id']);
    expect(JSON.stringify(traced)).not.toContain('abcdefgh12345');
    expect(report.exchanges[7]?.preflight.state).toBe('pending');
    expect(report.exchanges[9]?.diagnosis?.ifCredentialsIncluded).toMatchObject({ ok: false, firefoxReason: 'CORSMissingAllowCredentials' });
  });

  it('counts the blocked requests the source could not explain apart from the exchanges, 0 unless told', () => {
    expect(report.summary.unexplainedBlocks).toBe(0);
    const blocked = jsonReport([simpleGet()], { unexplainedBlocks: 3 });
    expect(blocked.summary).toMatchObject({ total: 1, failed: 0, unexplainedBlocks: 3 });
    expect(validateJson(JSON.parse(JSON.stringify(blocked)), schema)).toEqual([]);
  });

  it("carries the preflight's status fix, which the schema admits", () => {
    const refused = jsonReport([exchange({ method: 'PUT', preflight: answer(404) })]);
    expect(refused.exchanges[0]?.diagnosis?.verdict.fix.preflightStatus).toBe(204);
    expect(validateJson(JSON.parse(JSON.stringify(refused)), schema)).toEqual([]);
  });

  it("carries an inferred mode and the CORS reading of a likely no-cors request, redacted, as the schema admits", () => {
    const base = exchange({ method: 'POST', url: 'https://api.example/beacon?token=abcdefgh12345678', headers: [['Content-Type', 'text/plain']], response: answer(200) });
    const sent = (base.requestHeaders ?? []).filter(([name]) => name.toLowerCase() !== 'sec-fetch-mode');
    const inferred: Exchange = { ...base, requestHeaders: sent, mode: { value: 'cors', source: 'inferred' }, diagnosis: null };
    const report = jsonReport([{ ...inferred, diagnosis: diagnose(inferred) }]);
    expect(report.exchanges[0]?.diagnosis).toMatchObject({ mode: { value: 'no-cors', source: 'likely' }, verdict: { ok: true }, ifCorsMode: { ok: false, error: 'MissingAllowOriginHeader' } });
    expect(JSON.stringify(report)).not.toContain('abcdefgh12345678');
    expect(validateJson(JSON.parse(JSON.stringify(report)), schema)).toEqual([]);
  });

  it('says when credentials were kept', () => {
    const kept = jsonReport(variety(), { keepCredentials: true });
    expect(kept.redacted).toBe(false);
    expect(kept.source).toBeNull();
    expect(JSON.stringify(kept)).toContain('abcdefgh12345');
  });

  it('reads the preflight state like the panel', () => {
    expect(preflightState(simpleGet())).toBe('none');
    expect(preflightState(failingPut())).toBe('sent');
  });
});

describe('validateJson (the subset the schema uses)', () => {
  it('finds what does not match', () => {
    const bad = JSON.parse(JSON.stringify(report0())) as Record<string, unknown>;
    bad['schemaVersion'] = 2;
    bad['extra'] = true;
    delete bad['summary'];
    const errors = validateJson(bad, schema);
    expect(errors).toContain('$: missing summary');
    expect(errors.some((e) => e.startsWith('$.schemaVersion'))).toBe(true);
    expect(errors.some((e) => e.startsWith('$.extra'))).toBe(true);
  });

  it('checks nested types, enums, tuples and refs', () => {
    const r = JSON.parse(JSON.stringify(jsonReport([simpleGet()]))) as { exchanges: Array<Record<string, unknown>> };
    const e = r.exchanges[0] as Record<string, unknown>;
    e['state'] = 'done';
    (e['request'] as Record<string, unknown>)['headers'] = [['only-a-name']];
    const errors = validateJson(r, schema);
    expect(errors.some((x) => x.startsWith('$.exchanges[0].state'))).toBe(true);
    expect(errors.some((x) => x.startsWith('$.exchanges[0].request.headers'))).toBe(true);
  });

  it('refuses keywords it does not implement', () => {
    expect(validateJson('x', { pattern: '^x$' })).toEqual(['$: unsupported keyword pattern']);
  });
});

function report0() {
  return jsonReport([simpleGet()]);
}
