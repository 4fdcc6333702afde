/**
 * A large HAR made up on the fly (test/har/synthetic-har.ts; `test/har/measure-large-har.ts`
 * measures the 200 MB case): read in chunks as the CLI reads it, every exchange found and judged.
 */
import { describe, expect, it } from 'vitest';
import { fileNotes } from '../../../src/cli/har-notes';
import { analyzeHar, analyzeHarStream, HarReader } from '../../../src/har/index';
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

const entry = (n: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  startedDateTime: `2026-01-01T00:00:0${n}.000Z`,
  time: 10,
  request: { method: 'GET', url: `https://api.example/${n}`, headers: [{ name: 'Origin', value: 'https://app.example' }], headersSize: 100 },
  response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
  ...extra,
});

describe('an entry too large to read', { timeout: 120_000 }, () => {
  it('one with a 560 M-character body (longer than any string V8 makes) is skipped, the others read', async () => {
    const piece = 'A'.repeat(8 << 20);
    const [before, after] = JSON.stringify(entry(1, { response: { status: 200, headers: [], content: { text: '\u0000' } } })).split('\\u0000');
    // Never one string: the body comes as 70 chunks of the same 8 Mi characters, as a file's stream would bring it.
    async function* chunks(): AsyncGenerator<string> {
      yield `{"log": {"comment": "`;
      for (let i = 0; i < 70; i++) yield piece;
      yield `", "entries": [${JSON.stringify(entry(0))}, ${before ?? ''}`;
      for (let i = 0; i < 70; i++) yield piece;
      yield `${after ?? ''}, ${JSON.stringify(entry(2))}]}}`;
    }
    const analysis = await analyzeHarStream(chunks());
    expect(analysis.exchanges.map((e) => e.url)).toEqual(['https://api.example/0', 'https://api.example/2']);
    expect(analysis.skipped).toEqual([{ index: 1, reason: expect.stringMatching(/^too large to read \(587,202,\d{3} characters, over the limit of 268,435,456: most likely a body\)$/) as unknown }]);
    expect(analysis.warnings).toEqual(['1 entry could not be read and was skipped.']);
    expect(fileNotes(analysis, false)[1]).toMatch(/^entry 1 skipped: too large to read \(/);
  });

  it('the limit: an entry of that many characters is read, one more is skipped, however the text is cut', () => {
    const small = JSON.stringify(entry(0));
    const large = JSON.stringify(entry(1, { comment: 'x'.repeat(300) }));
    const text = `{"log": {"entries": [${small}, ${large}, ${JSON.stringify(entry(2))}]}}`;
    for (const [limit, skipped] of [
      [large.length, []],
      [large.length - 1, [1]],
    ] as const) {
      for (const size of [7, 64, text.length]) {
        const reader = new HarReader({ maxEntryLength: limit });
        for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
        const analysis = reader.finish();
        expect(analysis.skipped.map((s) => s.index)).toEqual(skipped);
        expect(analysis.exchanges).toHaveLength(3 - skipped.length);
      }
    }
    expect(analyzeHar(text, { maxEntryLength: small.length }).skipped).toEqual([
      { index: 1, reason: `too large to read (${large.length} characters, over the limit of ${small.length}: most likely a body)` },
    ]);
  });
});
