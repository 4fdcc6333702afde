/** Which sent headers the page set: the browser's additions (forbidden names, "Disable cache") left out. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerRules } from '../../../src/capture/author-headers';
import type { HeaderList } from '../../../src/capture/header-list';
import { authorHeaderList } from '../../../src/cors/author-header-list';
import { browserProfile } from '../../../src/cors/browser-profile';

/** The rule as first written: every name lowercased, looked up among the names fetch() drops. */
function reference(sent: HeaderList): HeaderList {
  const forbidden = new Set(authorHeaderList(sent, browserProfile('chromium')).dropped);
  const lowerNames = sent.map(([name]) => name.toLowerCase());
  const disableCache = sent.some(([, v], i) => lowerNames[i] === 'pragma' && v === 'no-cache') && sent.some(([, v], i) => lowerNames[i] === 'cache-control' && v === 'no-cache');
  return sent.filter((_, i) => {
    const lower = lowerNames[i] as string;
    if (forbidden.has(lower)) return false;
    return !((lower === 'cache-control' || lower === 'pragma') && disableCache);
  });
}

describe('author request headers', () => {
  it('leaves out what the browser added, whatever the case of the names', () => {
    // Chromium's forbidden list in every browser (User-Agent included): see author-headers.ts.
    const sent: HeaderList = [['User-Agent', 'x'], ['X-Api-Key', '1'], ['ORIGIN', 'https://a.example'], ['Pragma', 'no-cache'], ['cache-control', 'no-cache'], ['Content-Type', 'application/json'], ['Sec-Fetch-Mode', 'cors']];
    expect(headerRules('chromium').authorRequestHeaders(sent)).toEqual([['X-Api-Key', '1'], ['Content-Type', 'application/json']]);
    expect(headerRules('firefox').authorRequestHeaders([['Cache-Control', 'no-cache'], ['Referer', 'https://a.example/']])).toEqual([['Cache-Control', 'no-cache']]);
  });

  it('reads any list as lowercasing each name would', () => {
    const names = ['Origin', 'origin', 'ORIGIN', 'Referer', 'User-Agent', 'Cookie', 'Keep-Alive', '\u212Aeep-Alive', 'Sec-Fetch-Mode', 'sec-ch-ua', 'Pragma', 'CACHE-CONTROL', 'X-Api-Key', 'Content-Type', 'bad name', '\u0130d', 'X-HTTP-Method-Override'];
    const header = fc.tuple(fc.constantFrom(...names), fc.constantFrom('no-cache', 'x', 'TRACE', 'application/json', ''));
    fc.assert(
      fc.property(fc.array(header, { maxLength: 12 }), (list) => {
        // A fresh list each time: readings are kept per list.
        for (const browser of ['chromium', 'firefox'] as const) expect(headerRules(browser).authorRequestHeaders([...list])).toEqual(reference(list));
      }),
      { numRuns: 500 },
    );
  });
});
