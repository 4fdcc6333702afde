/**
 * A large HAR made up on the fly (test/har/synthetic-har.ts; `test/har/measure-large-har.ts`
 * measures the 200 MB case): read in chunks as the CLI reads it, every exchange found and judged.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHarStream } from '../../../src/har/index';
import { syntheticHar } from '../../har/synthetic-har';

describe('a large HAR', { timeout: 120_000 }, () => {
  it('about 8 MB in 64 KB chunks: every round paired and judged', async () => {
    const rounds = 1000;
    let characters = 0;
    async function* chunks(): AsyncGenerator<string> {
      let pending = '';
      for (const part of syntheticHar(rounds, 1500)) {
        pending += part;
        if (pending.length >= 65_536) {
          characters += pending.length;
          yield pending;
          pending = '';
        }
      }
      characters += pending.length;
      yield pending;
    }
    const analysis = await analyzeHarStream(chunks());
    expect(characters).toBeGreaterThan(8_000_000);
    expect(analysis.source).toMatchObject({ entries: rounds * 4, preflights: rounds });
    expect(analysis.exchanges).toHaveLength(rounds * 2);
    const puts = analysis.exchanges.filter((e) => e.method === 'PUT');
    expect(puts.every((e) => e.preflights.length === 1 && e.diagnosis?.verdict.ok === true)).toBe(true);
    const gets = analysis.exchanges.filter((e) => e.method === 'GET');
    expect(gets.every((e) => e.diagnosis?.verdict.error === 'MissingAllowOriginHeader')).toBe(true);
    expect(analysis.warnings).toEqual([]);
  });
});
