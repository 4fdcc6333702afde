import { describe, expect, it } from 'vitest';
import { preflightLabel } from '../../../src/panel/exchange-summary';
import { isPreflighted } from '../../../src/panel/filter-exchanges';
import { allowOrigin, answer, exchange } from '../../../src/report/test-exchanges';

describe("the list's preflight column", () => {
  const cached = exchange({ method: 'PUT', preflight: 'cached', response: answer(200, allowOrigin) });

  it('says cached only where the capture linked the request to the preflight cache', () => {
    expect(preflightLabel(cached)).toBe('cached');
    // A HAR without preflights (Playwright's) leaves the link out: nothing says the cache answered.
    const unseen = { ...cached, preflightCache: null };
    expect(preflightLabel(unseen)).toBe('unseen');
    expect(isPreflighted(unseen)).toBe(true);
  });

  it('says none for a request that needed no preflight', () => {
    const simple = exchange({ response: answer(200, allowOrigin) });
    expect(preflightLabel(simple)).toBe('none');
    expect(isPreflighted(simple)).toBe(false);
  });
});
