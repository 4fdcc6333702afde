/**
 * Conformance: the core against what real Chromium did, vector by vector.
 * The fixture is recorded by test/conformance (fetch() between two loopback origins, Chromium's
 * own CorsError from a CDP session); `cls-*` vectors observe only the preflight and its
 * Access-Control-Request-Headers (the server's answer is not part of the vector), `chk-*`
 * vectors also give the exact preflight and response and the browser's verdict.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, classify } from '../../src/cors/index';
import type { CorsRequest, HttpResponseLike } from '../../src/cors/index';

interface Vector {
  readonly id: string;
  readonly source: string;
  readonly request: CorsRequest;
  readonly preflight: HttpResponseLike | null;
  readonly response: HttpResponseLike | null;
  readonly expect: {
    readonly preflight: boolean;
    readonly requestHeaders: string[];
    readonly ok?: boolean;
    readonly fetchResolved?: boolean;
    readonly error: string | null;
    readonly failedParameter?: string | null;
  };
}

const vectors = JSON.parse(readFileSync(new URL('../fixtures/cors-vectors.chromium.json', import.meta.url), 'utf8')) as Vector[];

describe('Chromium conformance vectors', () => {
  it('has vectors', () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  for (const v of vectors) {
    it(v.id, () => {
      const c = classify(v.request);
      expect({ preflight: c.preflight, requestHeaders: c.requestHeaders }).toEqual({
        preflight: v.expect.preflight,
        requestHeaders: v.expect.requestHeaders,
      });
      if (!v.id.startsWith('chk-')) return;
      const verdict = check({ request: v.request, preflight: v.preflight, response: v.response });
      const expected: Record<string, unknown> = { ok: v.expect.ok ?? v.expect.fetchResolved, error: v.expect.error };
      const actual: Record<string, unknown> = { ok: verdict.ok, error: verdict.error };
      if (v.expect.failedParameter !== undefined) {
        expected['failedParameter'] = v.expect.failedParameter;
        actual['failedParameter'] = verdict.failedParameter;
      }
      expect(actual).toEqual(expected);
    });
  }
});
