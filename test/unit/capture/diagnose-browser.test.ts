import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/capture/diagnose';
import type { Exchange } from '../../../src/capture/exchange';

const PAGE = 'http://127.0.0.1:8080';

/** A simple GET that ended normally: what Firefox shows even when CORS blocked it. */
function completedGet(responseHeaders: Array<readonly [string, string]>, requestHeaders: Array<readonly [string, string]> = []): Exchange {
  return {
    id: '1:1', tabId: 1, frameId: 0, initiator: PAGE, type: 'xmlhttprequest', mode: { value: 'cors', source: 'sec-fetch-mode' },
    method: 'GET', url: 'http://127.0.0.1:8081/api/x', requestHeaders: [['Origin', PAGE], ['Sec-Fetch-Mode', 'cors'], ...requestHeaders],
    startTime: 1, endTime: 2, redirects: [], preflights: [], preflightCache: null,
    response: { status: 200, statusLine: 'HTTP/1.1 200 OK', headers: responseHeaders, time: 2 }, error: null, state: 'complete', diagnosis: null,
  };
}

describe('diagnose for the browser the extension runs in', () => {
  it('applies Firefox rules in Firefox: a client hint Chromium safelists is preflighted', () => {
    const exchange = { ...completedGet([['Access-Control-Allow-Origin', PAGE]]), requestHeaders: [['Origin', PAGE], ['DPR', '2']] as const };
    expect(diagnose(exchange, 'chromium').classification.preflight).toBe(false);
    expect(diagnose(exchange, 'firefox').classification).toMatchObject({ preflight: true, requestHeaders: ['dpr'] });
  });

  it('in Firefox, keeps the verdict under credentials beside a pass that Firefox could not have shown as a block', () => {
    const wildcard = completedGet([['Access-Control-Allow-Origin', '*']]);
    const firefox = diagnose(wildcard, 'firefox');
    expect(firefox.verdict.ok).toBe(true);
    expect(firefox.credentials).toEqual({ mode: 'same-origin', source: 'default' });
    expect(firefox.ifCredentialsIncluded).toMatchObject({ ok: false, error: 'WildcardOriginNotAllowed', firefoxReason: 'CORSNotSupportingCredentials' });
    // Chromium reports a blocked request with net::ERR_FAILED: a normal end is a pass, nothing to add.
    expect(diagnose(wildcard, 'chromium').ifCredentialsIncluded).toBeUndefined();
  });

  it('adds nothing when credentials would pass too, or when a Cookie header settles the mode', () => {
    expect(diagnose(completedGet([['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Credentials', 'true']]), 'firefox').ifCredentialsIncluded).toBeUndefined();
    const withCookie = diagnose(completedGet([['Access-Control-Allow-Origin', '*']], [['Cookie', 'a=1']]), 'firefox');
    expect(withCookie.credentials.source).toBe('cookie-header');
    expect(withCookie.verdict).toMatchObject({ ok: false, error: 'WildcardOriginNotAllowed' });
  });

  it('gives no verdict under credentials that the request\'s own response refutes: with them, its preflight would have stopped it', () => {
    const preflighted = (preflightHeaders: Array<readonly [string, string]>, responseHeaders: Array<readonly [string, string]>): Exchange => {
      const base = completedGet(responseHeaders, [['X-Api-Key', '1']]);
      return {
        ...base,
        method: 'PUT',
        preflights: [{
          requestId: '2', url: base.url, accessControlRequestMethod: 'PUT', accessControlRequestHeaders: ['x-api-key'],
          requestHeaders: [['Origin', PAGE], ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'x-api-key']],
          response: { status: 204, statusLine: 'HTTP/1.1 204 No Content', headers: preflightHeaders, time: 1 }, error: null, startTime: 1, endTime: 1,
        }],
      };
    };
    const allow: Array<readonly [string, string]> = [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-api-key']];
    // Without Allow-Credentials on the preflight, a credentialed PUT would have ended there.
    const withoutCredentials = diagnose(preflighted(allow, [['Access-Control-Allow-Origin', PAGE]]), 'firefox');
    expect(withoutCredentials.verdict.ok).toBe(true);
    expect(withoutCredentials.ifCredentialsIncluded).toBeUndefined();
    // With it, the preflight would pass and the response's wildcard is what would block.
    const credentialedPreflight = diagnose(preflighted([...allow, ['Access-Control-Allow-Credentials', 'true']], [['Access-Control-Allow-Origin', '*']]), 'firefox');
    expect(credentialedPreflight.ifCredentialsIncluded).toMatchObject({ ok: false, stage: 'response', error: 'WildcardOriginNotAllowed' });
  });
});
