import { describe, expect, it } from 'vitest';
import { parseRequestUrl, serializeRequestOrigin } from './request-url';

describe('parseRequestUrl', () => {
  it('gives the origin of http(s) URLs, default ports dropped', () => {
    expect(parseRequestUrl('https://api.example/x?y#z')).toEqual({ scheme: 'https:', origin: 'https://api.example', problem: null });
    expect(parseRequestUrl('http://API.example:80/')).toEqual({ scheme: 'http:', origin: 'http://api.example', problem: null });
    expect(parseRequestUrl('HTTPS://api.example:8443').origin).toBe('https://api.example:8443');
  });

  it('does not confuse an authority with a longer one that starts the same', () => {
    expect(parseRequestUrl('https://api.example/a').origin).toBe('https://api.example');
    expect(parseRequestUrl('https://api.example.evil.test/a').origin).toBe('https://api.example.evil.test');
    expect(parseRequestUrl('https://api.example:444/a').origin).toBe('https://api.example:444');
    expect(parseRequestUrl('https://api.example\\a').origin).toBe('https://api.example');
  });

  it('says when the URL is malformed or holds credentials', () => {
    expect(parseRequestUrl('https://').problem).toBe('malformed');
    expect(parseRequestUrl('/relative').problem).toBe('malformed');
    expect(parseRequestUrl('https://a b.example/').problem).toBe('malformed');
    expect(parseRequestUrl('https://user@api.example/').problem).toBe('credentials');
  });

  it('handles other schemes', () => {
    expect(parseRequestUrl('data:,x')).toMatchObject({ scheme: 'data:', origin: 'null' });
    expect(parseRequestUrl('blob:https://app.example/1')).toMatchObject({ scheme: 'blob:', origin: 'https://app.example' });
  });
});

describe('serializeRequestOrigin', () => {
  it('keeps "null", reduces URLs to their origin, refuses the rest', () => {
    expect(serializeRequestOrigin('null')).toBe('null');
    expect(serializeRequestOrigin('https://app.example/')).toBe('https://app.example');
    expect(serializeRequestOrigin('app.example')).toBeNull();
    expect(serializeRequestOrigin('')).toBeNull();
    expect(serializeRequestOrigin('file:///x')).toBeNull();
  });
});
