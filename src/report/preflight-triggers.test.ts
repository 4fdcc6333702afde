import { describe, expect, it } from 'vitest';
import { adviceFor, describeTriggers, preflightTriggers, type PreflightTrigger } from './preflight-triggers';
import { allowHeaders, allowOrigin, answer, exchange } from './test-exchanges';

const sent = (method: string, headers: Array<readonly [string, string]>) =>
  exchange({ method, headers, preflight: answer(204, allowOrigin, allowHeaders('*')), response: answer(200, allowOrigin) });

const trigger = (over: Partial<PreflightTrigger>): PreflightTrigger => ({
  rule: 'header-name',
  header: 'x-a',
  value: null,
  words: '`x-a`',
  requests: 1,
  methods: ['GET'],
  likelyUnexpected: false,
  ...over,
});

describe('preflightTriggers', () => {
  it('words each reason the way a developer reads it', () => {
    const words = preflightTriggers([
      sent('GET', [['Range', 'bytes=0-1,4-5']]),
      sent('GET', [['Accept', 'a'.repeat(200)]]),
      sent('POST', [['Content-Type', 'application/json; charset=utf-8']]),
      sent('GET', [['Accept-Language', 'en(US)']]),
    ]).map((t) => t.words);
    expect(words).toEqual(['`range: bytes=0-1,4-5`', '`accept` value over 128 bytes', '`content-type: application/json`', '`accept-language: en(US)`']);
  });

  it('marks a trigger likely unexpected only when it is for every request it caused', () => {
    const [json] = preflightTriggers([sent('GET', [['Content-Type', 'application/json']]), sent('POST', [['Content-Type', 'application/json']])]);
    expect(json).toMatchObject({ requests: 2, methods: ['GET', 'POST'], likelyUnexpected: false });
  });
});

describe('describeTriggers', () => {
  it('says "only" for a lone header and "on every" for a lone value', () => {
    expect(describeTriggers([trigger({ requests: 2 })], 2)).toBe('only `x-a` on every GET');
    expect(describeTriggers([trigger({ requests: 2, methods: ['GET', 'POST'] })], 2)).toBe('only `x-a`');
    expect(describeTriggers([trigger({ rule: 'header-value', words: '`accept: x`' })], 1)).toBe('`accept: x` on every GET');
    expect(describeTriggers([trigger({ requests: 1 }), trigger({ words: '`x-b`', requests: 2 })], 2)).toBe('`x-a` (1 of 2) and `x-b`');
    expect(describeTriggers([], 0)).toBe('no reason recorded');
  });
});

describe('adviceFor', () => {
  it('fits the advice to the trigger', () => {
    expect(adviceFor(trigger({ header: 'x-feature-flags' }))).toContain('drop or rename it to a safelisted header');
    expect(adviceFor(trigger({ header: 'authorization' }))).toContain('carries credentials and always preflights cross-origin, which is expected');
    expect(adviceFor(trigger({ header: 'x-api-key' }))).toContain('let OPTIONS pass without authentication');
    expect(adviceFor(trigger({ rule: 'header-value', header: 'content-type', value: 'application/json', methods: ['POST'] }))).toContain('Content-Type: text/plain avoids the preflight only when the server accepts text/plain');
    expect(adviceFor(trigger({ rule: 'header-value', header: 'range' }))).toContain('single range');
    expect(adviceFor(trigger({ rule: 'header-value', header: 'accept-language' }))).toContain('only letters, digits');
    expect(adviceFor(trigger({ rule: 'total-size', header: null }))).toContain('1,024 bytes');
  });
});
