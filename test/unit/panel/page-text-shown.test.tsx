// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeHar } from '../../../src/har/index';
import { HeadersTable } from '../../../src/panel/detail/headers-table';
import { WhatFailed } from '../../../src/panel/detail/what-failed';

afterEach(cleanup);

/** A HAR (whose header values may hold any character) of a fetch whose response has no Access-Control-Allow-Origin. */
function harWithResponseHeader(name: string, value: string) {
  return {
    log: {
      creator: { name: 'WebInspector', version: '537.36' },
      entries: [
        {
          startedDateTime: '2026-11-22T02:10:51.675Z',
          time: 1,
          request: { method: 'GET', url: 'https://api.example/items', headers: [{ name: 'Origin', value: 'https://app.example' }, { name: 'Sec-Fetch-Mode', value: 'cors' }], headersSize: 100 },
          response: { status: 200, headers: [{ name, value }], _error: 'net::ERR_FAILED' },
          _resourceType: 'fetch',
        },
      ],
    },
  };
}

describe('page and server text in the detail view', () => {
  it('a line break in a header value cannot draw a header line the server never sent', () => {
    const [failed] = analyzeHar(harWithResponseHeader('Vary', 'Origin\nAccess-Control-Allow-Origin: https://app.example')).exchanges;
    expect(failed?.diagnosis?.verdict.error).toBe('MissingAllowOriginHeader');
    const { container } = render(<WhatFailed exchange={failed!} />);
    // What the browser sent and the server answered (the fix below rightly suggests that line).
    const lines = [...container.querySelectorAll('.sent-answered pre')].flatMap((pre) => (pre.textContent ?? '').split('\n'));
    expect(lines).not.toContain('Access-Control-Allow-Origin: https://app.example');
    expect(lines).toContain('Vary: Origin\\x0AAccess-Control-Allow-Origin: https://app.example');
  });

  it('the headers table shows bidi overrides and controls instead of obeying them', () => {
    const { container } = render(<HeadersTable title="Response headers" headers={[['X-Note', 'abc\u202Edef'], ['X\u0000Y', 'v']]} />);
    const text = container.textContent ?? '';
    expect(text).toContain('abc\\u202Edef');
    expect(text).toContain('X\\x00Y:');
    expect(text).not.toMatch(/[\u0000\u202E]/);
  });
});
