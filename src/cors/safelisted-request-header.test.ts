import { describe, expect, it } from 'vitest';
import { type BrowserProfile, browserProfiles } from './browser-profile';
import { corsSafelistFailure } from './safelisted-request-header';

const chromium: BrowserProfile = browserProfiles.chromium;
const firefox: BrowserProfile = browserProfiles.firefox;
const check = (name: string, value: string, profile = chromium) => corsSafelistFailure(name, value, profile);

describe('corsSafelistFailure', () => {
  it('accepts the safelisted names with good values', () => {
    expect(check('accept', 'text/html;q=0.9,*/*;q=0.8')).toBeNull();
    expect(check('accept', '')).toBeNull();
    expect(check('accept-language', 'en-US,en;q=0.5')).toBeNull();
    expect(check('content-language', 'eu')).toBeNull();
    expect(check('content-type', 'application/x-www-form-urlencoded;charset=UTF-8')).toBeNull();
    expect(check('content-type', 'Multipart/Form-Data; boundary=x')).toBeNull();
    expect(check('content-type', 'text/plain ')).toBeNull();
    expect(check('range', 'bytes=0-9')).toBeNull();
  });

  it('rejects any other name', () => expect(check('x-api-key', '1')).toEqual({ kind: 'name-not-safelisted' }));

  it('names the unsafe byte and its position', () => {
    expect(check('accept', 'text/x}y')).toEqual({ kind: 'unsafe-byte', byte: 0x7d, position: 6 });
    expect(check('content-type', 'multipart/form-data;"')).toEqual({ kind: 'unsafe-byte', byte: 0x22, position: 20 });
    expect(check('accept', 'a\u0001')).toEqual({ kind: 'unsafe-byte', byte: 0x01, position: 1 });
  });

  it('says which MIME type is not one of the three', () => {
    expect(check('content-type', 'application/json')).toEqual({ kind: 'mime-type-not-safelisted', essence: 'application/json' });
    expect(check('content-type', 'text/plain,')).toEqual({ kind: 'mime-type-not-safelisted', essence: null });
    expect(check('content-type', 'text /plain')).toEqual({ kind: 'mime-type-not-safelisted', essence: null });
  });

  it('limits values to 128 bytes', () => {
    expect(check('accept', 'a'.repeat(128))).toBeNull();
    expect(check('accept', 'a'.repeat(129))).toEqual({ kind: 'value-too-long', length: 129, limit: 128 });
  });

  it('limits language values to letters, digits, space and *,-.;=', () => {
    expect(check('accept-language', 'en_US')).toEqual({ kind: 'language-byte', byte: 0x5f, position: 2 });
    expect(check('content-language', 'é')).toEqual({ kind: 'language-byte', byte: 0xe9, position: 0 });
  });

  it('explains a Range that is not simple', () => {
    expect(check('range', 'bytes=-5')).toEqual({ kind: 'range-not-simple', problem: 'suffix' });
  });

  it('lets bytes 0x80 and above through Accept in Chromium, not in Firefox', () => {
    expect(check('accept', 'text/\u00e9')).toBeNull();
    expect(check('accept', 'text/\u00e9', firefox)).toEqual({ kind: 'non-ascii-byte', byte: 0xe9, position: 5 });
  });

  it('safelists client hints in Chromium only, with their value syntax', () => {
    expect(check('dpr', '1.5')).toBeNull();
    expect(check('dpr', '1.')).toEqual({ kind: 'client-hint-value', expected: 'a number such as 2 or 1.5' });
    expect(check('viewport-width', '800')).toBeNull();
    expect(check('width', '8.5')).not.toBeNull();
    expect(check('save-data', 'ON')).toBeNull();
    expect(check('save-data', 'off')).not.toBeNull();
    expect(check('ect', '4g')).toBeNull();
    expect(check('ect', '5g')).not.toBeNull();
    expect(check('device-memory', '8')).toBeNull();
    expect(check('dpr', '2', firefox)).toEqual({ kind: 'name-not-safelisted' });
  });
});
