import { describe, expect, it } from 'vitest';
import { getHeader, hasHeader, type HeaderList } from '../../../src/capture/header-list';

describe('getHeader', () => {
  const headers: HeaderList = [['Accept', '*/*'], ['Sec-Fetch-Mode', 'cors'], ['sec-fetch-mode', 'no-cors'], ['ORIGIN', 'https://a.example']];

  it('finds the first header of a name, whatever its case', () => {
    expect(getHeader(headers, 'sec-fetch-mode')).toBe('cors');
    expect(getHeader(headers, 'Origin')).toBe('https://a.example');
    expect(getHeader(headers, 'cookie')).toBeUndefined();
    expect(hasHeader(headers, 'ACCEPT')).toBe(true);
  });

  it('lowercases as String#toLowerCase does, non-ASCII names included', () => {
    // U+212A KELVIN SIGN lowercases to an ASCII k; U+0130 lowercases to two code units.
    expect(getHeader([['\u212Aey', '1']], 'key')).toBe('1');
    expect(getHeader([['\u0130d', '2']], 'i\u0307d')).toBe('2');
    expect(getHeader([['\u0130d', '2']], 'id')).toBeUndefined();
  });
});
