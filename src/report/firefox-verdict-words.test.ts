import { describe, expect, it } from 'vitest';
import { mdnPageOf } from './firefox-verdict-words';

describe('mdnPageOf', () => {
  it("is MDN's page for a reason key, the key's version digit dropped", () => {
    expect(mdnPageOf('CORSMissingAllowOrigin2')).toBe('https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin');
    expect(mdnPageOf('CORSNotSupportingCredentials')).toBe('https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSNotSupportingCredentials');
  });

  it('is null for anything but a key, so a report never builds a link from other text', () => {
    expect(mdnPageOf('CORS) [x](javascript:alert(1)')).toBeNull();
    expect(mdnPageOf('MissingAllowOriginHeader')).toBeNull();
    expect(mdnPageOf('')).toBeNull();
  });
});
