import { describe, expect, it } from 'vitest';
import { browserProfiles } from './browser-profile';
import { isForbiddenRequestHeader } from './forbidden-request-header';

const chromium = browserProfiles.chromium;

describe('isForbiddenRequestHeader', () => {
  it.each(['cookie', 'cookie2', 'host', 'origin', 'referer', 'content-length', 'connection', 'keep-alive', 'dnt', 'via', 'te', 'trailer', 'upgrade', 'expect', 'date', 'set-cookie', 'access-control-request-headers', 'access-control-request-method', 'accept-charset', 'accept-encoding', 'transfer-encoding'])(
    '%s is forbidden by name',
    (name) => expect(isForbiddenRequestHeader(name, 'x', chromium)).toBe('name'),
  );

  it('forbids every sec- and proxy- name', () => {
    expect(isForbiddenRequestHeader('sec-custom', '1', chromium)).toBe('prefix');
    expect(isForbiddenRequestHeader('sec-fetch-mode', 'cors', chromium)).toBe('prefix');
    expect(isForbiddenRequestHeader('proxy-authorization', 'x', chromium)).toBe('prefix');
    expect(isForbiddenRequestHeader('proxy', 'x', chromium)).toBeNull();
  });

  it('forbids method overrides naming a forbidden method, trimmed and case-insensitive', () => {
    expect(isForbiddenRequestHeader('x-http-method-override', 'GET, trace', chromium)).toBe('method-override');
    expect(isForbiddenRequestHeader('x-method-override', ' CONNECT ', chromium)).toBe('method-override');
    expect(isForbiddenRequestHeader('x-http-method', 'track', chromium)).toBe('method-override');
    expect(isForbiddenRequestHeader('x-http-method-override', 'GET', chromium)).toBeNull();
  });

  it('drops User-Agent in Chromium only (the standard allows it)', () => {
    expect(isForbiddenRequestHeader('user-agent', 'bot', chromium)).toBe('user-agent');
    expect(isForbiddenRequestHeader('user-agent', 'bot', browserProfiles.firefox)).toBeNull();
  });

  it('allows ordinary names', () => {
    expect(isForbiddenRequestHeader('authorization', 'Bearer x', chromium)).toBeNull();
    expect(isForbiddenRequestHeader('x-api-key', '1', chromium)).toBeNull();
  });
});
