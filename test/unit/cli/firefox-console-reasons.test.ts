import { describe, expect, it } from 'vitest';
import { firefoxConsoleReason } from '../../../src/report/firefox-console-reasons';
import { firefoxObserved } from '../har/har-fixtures';

describe("Firefox's console words for a reason key", () => {
  it('are known for every reason Firefox gave in the recorded run, with its parameter in place', () => {
    const keys = new Set(firefoxObserved.consoleReasons.filter((r) => !r.warning).map((r) => r.key));
    expect(keys.size).toBeGreaterThan(8);
    expect([...keys].filter((key) => firefoxConsoleReason(key, 'x') === null)).toEqual([]);
    expect(firefoxConsoleReason('CORSMissingAllowOrigin2', '204')).toBe('(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 204.');
    expect(firefoxConsoleReason('CORSDidNotSucceed2', null)).toBe('(Reason: CORS request did not succeed). Status code: (null).');
  });

  it('quote a parameter as it is, and know no other key', () => {
    expect(firefoxConsoleReason('CORSMissingAllowHeaderFromPreflight2', "x-$&-$'")).toContain("header ‘x-$&-$'’ is not allowed");
    expect(firefoxConsoleReason('constructor', null)).toBeNull();
    expect(firefoxConsoleReason('CORSSomethingNew', null)).toBeNull();
  });
});
