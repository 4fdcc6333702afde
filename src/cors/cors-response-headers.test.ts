import { describe, expect, it } from 'vitest';
import { readCorsResponseHeaders } from './cors-response-headers';

describe('readCorsResponseHeaders', () => {
  it('reads every spelling, trims tabs and spaces, joins repeated lines with ", "', () => {
    const h = readCorsResponseHeaders([
      ['access-control-allow-origin', ' https://a.example\t'],
      ['ACCESS-CONTROL-ALLOW-ORIGIN', 'https://b.example'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['aCCESS-cONTROL-aLLOW-hEADERS', 'x-a'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['access-control-max-age', '600'],
      ['LOCATION', '/x'],
      ['VaRy', 'Origin'],
      ['Content-Type', 'text/plain'],
    ]);
    expect(h).toEqual({
      allowOrigin: 'https://a.example, https://b.example',
      allowOriginLines: 2,
      allowCredentials: 'true',
      allowMethods: 'PUT',
      allowHeaders: 'x-a',
      maxAge: '600',
      location: '/x',
      vary: 'Origin',
      anyAllow: true,
    });
  });

  it('notices any other Access-Control-Allow-* header, and none', () => {
    expect(readCorsResponseHeaders([['Access-Control-Allow-Private-Network', 'true']]).anyAllow).toBe(true);
    expect(readCorsResponseHeaders([['Access-Control-Expose-Headers', 'x'], ['Allow', 'GET']]).anyAllow).toBe(false);
  });

  it('keeps an empty value apart from an absent header', () => {
    expect(readCorsResponseHeaders([['Access-Control-Allow-Origin', '']]).allowOrigin).toBe('');
    expect(readCorsResponseHeaders([]).allowOrigin).toBeNull();
  });

  it('never throws on malformed lines', () => {
    const junk = [null, 42, ['Location'], [1, 2], ['Vary', 7]] as unknown as Array<[string, string]>;
    expect(readCorsResponseHeaders(junk)).toMatchObject({ vary: '7', location: null });
    expect(readCorsResponseHeaders(undefined).anyAllow).toBe(false);
  });
});
