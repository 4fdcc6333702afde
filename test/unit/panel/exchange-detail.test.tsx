// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { diagnose } from '../../../src/capture/diagnose';
import { ExchangeDetail } from '../../../src/panel/detail/exchange-detail';
import { answer, exchange } from '../../../src/report/test-exchanges';

afterEach(cleanup);

const cacheHit = (): Exchange => exchange({ method: 'PUT', preflight: 'cached', response: answer(200, ['Access-Control-Allow-Origin', 'https://app.example'], ['Vary', 'Origin']) });
const noteOf = (e: Exchange): string => {
  const { container } = render(<ExchangeDetail exchange={e} onClose={() => undefined} />);
  return [...container.querySelectorAll('p')].map((p) => p.textContent ?? '').find((text) => text.startsWith('No preflight: the browser')) ?? '';
};

describe('the preflight cache note', () => {
  it('states no Max-Age for a preflight this capture never saw', () => {
    const hit = cacheHit();
    expect(hit.preflightCache).toEqual({ exchangeId: null, maxAge: null });
    expect(noteOf(hit)).toBe("No preflight: the browser's preflight cache answered, filled by a preflight made before this capture saw it.");
  });

  it("gives the Max-Age of the preflight it saw, or the browser's default without one, in the core's words", () => {
    expect(noteOf({ ...cacheHit(), preflightCache: { exchangeId: '1:7', maxAge: 600 } })).toContain('(Access-Control-Max-Age: 600)');
    expect(noteOf({ ...cacheHit(), preflightCache: { exchangeId: '1:7', maxAge: null } })).toContain('(no Access-Control-Max-Age on the preflight that filled it, so Chromium caches the preflight only 5 s).');
    // Firefox caches nothing without one: the note does not say it did.
    const firefoxHit = exchange({ browser: 'firefox', method: 'PUT', preflight: 'cached', response: answer(200, ['Access-Control-Allow-Origin', 'https://app.example'], ['Vary', 'Origin']) });
    expect(noteOf({ ...firefoxHit, preflightCache: { exchangeId: '1:7', maxAge: null } })).toContain('(no Access-Control-Max-Age on the preflight that filled it).');
  });
});

describe('the server snippets', () => {
  it('say what they left out before the code to copy', () => {
    const e = exchange({ method: 'PUT', headers: [['X-Api+Key', '1']], preflight: answer(204, ['Access-Control-Allow-Origin', 'https://app.example'], ['Access-Control-Allow-Methods', 'PUT']) });
    expect(e.diagnosis?.verdict).toMatchObject({ error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-api+key' });
    const { container } = render(<ExchangeDetail exchange={e} onClose={() => undefined} />);
    const notes = container.querySelector('.snippets [aria-label="Before you copy"]');
    expect(notes?.textContent).toContain('Left out request headers with unusual characters: "x-api+key"; allow them by hand.');
  });

  it('warn that allowing the opaque origin "null" lets every sandboxed or file: document in', () => {
    const e = exchange({ origin: 'null', response: answer(200) });
    const { container } = render(<ExchangeDetail exchange={e} onClose={() => undefined} />);
    expect(container.querySelector('.snippets [aria-label="Before you copy"]')?.textContent).toMatch(/Allowing "null" lets every such document in/);
  });
});

describe('the fix for a preflight answered with a status that is not 2xx', () => {
  const fixOf = (e: Exchange): { heading: string; blocks: string[] } => {
    const { container } = render(<ExchangeDetail exchange={e} onClose={() => undefined} />);
    return { heading: container.querySelector('.fix h4')?.textContent ?? '', blocks: [...container.querySelectorAll('.fix-block')].map((b) => b.textContent ?? '') };
  };

  it('asks for an ok status first, since no header line mends a 401', () => {
    const allowed = answer(401, ['Access-Control-Allow-Origin', 'https://app.example'], ['Access-Control-Allow-Methods', 'PUT']);
    const { heading, blocks } = fixOf(exchange({ method: 'PUT', preflight: allowed, error: 'net::ERR_FAILED' }));
    expect(heading).toBe('Fix: answer the preflight with an ok status, and send these response headers');
    expect(blocks[0]).toContain('status 204 (any 2xx passes): no header makes a preflight answered 401 pass.');
    // The actual response still needs its own Allow-Origin.
    expect(blocks[1]).toContain('Access-Control-Allow-Origin: https://app.example');
  });

  it('gives the status beside the header lines when both are missing', () => {
    const { blocks } = fixOf(exchange({ method: 'PUT', preflight: answer(404), error: 'net::ERR_FAILED' }));
    expect(blocks[0]).toContain('status 204 (any 2xx passes)');
    expect(blocks[0]).toContain('Access-Control-Allow-Methods: PUT');
  });
});

describe('a POST whose mode was inferred (plain http)', () => {
  it('says it was likely a no-cors request, and what a CORS request would have failed with', () => {
    const base = exchange({ method: 'POST', headers: [['Content-Type', 'text/plain']], response: answer(200) });
    const sent = (base.requestHeaders ?? []).filter(([name]) => name.toLowerCase() !== 'sec-fetch-mode');
    const inferred: Exchange = { ...base, requestHeaders: sent, mode: { value: 'cors', source: 'inferred' }, diagnosis: null };
    const e = { ...inferred, diagnosis: diagnose(inferred) };
    const { container } = render(<ExchangeDetail exchange={e} onClose={() => undefined} />);
    const failed = container.querySelector('[aria-label="What failed"]');
    expect(failed?.querySelector('h3')?.textContent).toBe('CORS checks passed');
    expect(failed?.querySelector('.inferred')?.textContent).toMatch(/^Likely a no-cors request: .*Had it been a CORS request, it would have failed with MissingAllowOriginHeader\.$/);
  });
});
