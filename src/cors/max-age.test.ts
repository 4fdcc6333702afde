import { describe, expect, it } from 'vitest';
import { browserProfile } from './browser-profile';
import { parseMaxAge } from './max-age';

describe('parseMaxAge', () => {
  it('reads the value without its surrounding tabs and spaces, and keeps it as received', () => {
    expect(parseMaxAge(' 600\t', browserProfile('chromium'))).toEqual({ raw: ' 600\t', seconds: 600, effective: 600 });
    expect(parseMaxAge(' +60', browserProfile('chromium')).seconds).toBe(60);
    expect(parseMaxAge(' +60', browserProfile('firefox')).seconds).toBeNull();
  });
});
