/**
 * Conformance: the core against what the real browser did, vector by vector.
 * The fixture is recorded by test/conformance (fetch() between two loopback origins, Chromium's
 * own CorsError from a CDP session); `cls-*` vectors observe only the preflight and its
 * Access-Control-Request-Headers (the server's answer is not part of the vector), `chk-*`
 * vectors also give the exact preflight and response and the browser's verdict.
 */
import { existsSync, readFileSync } from 'node:fs';
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
    /** Chromium: the CDP CorsError and its failedParameter. */
    readonly error?: string | null;
    readonly failedParameter?: string | null;
    /** Firefox: the console's reason key (security.properties) and its parameter. */
    readonly firefoxReason?: string | null;
    readonly firefoxParameter?: string | null;
  };
}

function load(file: string): Vector[] | null {
  const url = new URL(`../fixtures/${file}`, import.meta.url);
  return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as Vector[]) : null;
}

/** The recorded fixtures, per browser; Firefox's joins once it is recorded (issue 6). */
const fixtures = [
  { browser: 'chromium', vectors: load('cors-vectors.chromium.json') },
  { browser: 'firefox', vectors: load('cors-vectors.firefox.json') },
] as const;

for (const { browser, vectors } of fixtures) {
  if (vectors === null) continue;
  describe(`${browser} conformance vectors`, () => {
    it('has vectors', () => {
      expect(vectors.length).toBeGreaterThan(0);
    });

    for (const v of vectors) {
      it(v.id, () => {
        const c = classify(v.request, { browser });
        expect({ preflight: c.preflight, requestHeaders: c.requestHeaders }).toEqual({
          preflight: v.expect.preflight,
          requestHeaders: v.expect.requestHeaders,
        });
        if (!v.id.startsWith('chk-')) return;
        const verdict = check({ request: v.request, preflight: v.preflight, response: v.response }, { browser });
        const expected: Record<string, unknown> = { ok: v.expect.ok ?? v.expect.fetchResolved };
        const actual: Record<string, unknown> = { ok: verdict.ok };
        const fields = [
          ['error', v.expect.error, verdict.error],
          ['failedParameter', v.expect.failedParameter, verdict.failedParameter],
          ['firefoxReason', v.expect.firefoxReason, verdict.firefoxReason],
          ['firefoxParameter', v.expect.firefoxParameter, verdict.firefoxParameter],
        ] as const;
        for (const [field, want, got] of fields) {
          if (want === undefined) continue;
          expected[field] = want;
          actual[field] = got;
        }
        expect(actual).toEqual(expected);
      });
    }
  });
}
