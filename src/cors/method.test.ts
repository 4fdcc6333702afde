import { describe, expect, it } from 'vitest';
import { isCorsSafelistedMethod, isForbiddenMethod, methodProblem, normalizeMethod } from './method';

describe('normalizeMethod', () => {
  it.each([
    ['get', 'GET'],
    ['Post', 'POST'],
    ['delete', 'DELETE'],
    ['options', 'OPTIONS'],
    ['put', 'PUT'],
    ['head', 'HEAD'],
  ])('upper-cases %s', (input, output) => expect(normalizeMethod(input)).toBe(output));

  it.each(['patch', 'Patch', 'SUPER', 'x1', 'propfind'])('keeps %s as written', (m) => expect(normalizeMethod(m)).toBe(m));
});

describe('isCorsSafelistedMethod', () => {
  it('is GET, HEAD and POST, byte-exact', () => {
    expect(['GET', 'HEAD', 'POST'].every(isCorsSafelistedMethod)).toBe(true);
    expect(['get', 'PUT', 'PATCH', 'OPTIONS'].some(isCorsSafelistedMethod)).toBe(false);
  });
});

describe('forbidden and invalid methods', () => {
  it.each(['CONNECT', 'trace', 'Track'])('%s is forbidden', (m) => {
    expect(isForbiddenMethod(m)).toBe(true);
    expect(methodProblem(m)).toBe('forbidden');
  });
  it.each(['', 'GET POST', 'G(T', 'tést'])('%j is not a token', (m) => expect(methodProblem(m)).toBe('not-a-token'));
  it('accepts any other token', () => expect(methodProblem('M-SEARCH')).toBeNull());
});
