/**
 * The scanner's work is linear in the text, whatever its strings hold. Measured as the characters
 * `indexOf` searched (the scanner skips strings with it), not as time: deterministic on any machine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeHar, HarReader } from '../../../src/har/index';
import { HarScanner } from '../../../src/har/scan-har-json';

const nativeIndexOf = String.prototype.indexOf;

/** Characters `String.prototype.indexOf` searched while `run` ran. */
function charactersSearched(run: () => void): number {
  let searched = 0;
  vi.spyOn(String.prototype, 'indexOf').mockImplementation(function (this: string, search: string, from = 0) {
    const at = nativeIndexOf.call(this, search, from);
    searched += (at < 0 ? this.length : at) - from;
    return at;
  });
  run();
  vi.restoreAllMocks();
  return searched;
}

/** Scans `text` in chunks of `size`, handing the entries to nobody. */
function scan(text: string, size: number): void {
  const scanner = new HarScanner({ field: () => undefined, entry: () => undefined, entryTooLarge: () => undefined });
  for (let i = 0; i < text.length; i += size) scanner.push(text.slice(i, i + size));
}

const entry = (n: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  startedDateTime: '2026-01-01T00:00:00.000Z',
  time: 10,
  request: { method: 'GET', url: `https://api.example/${n}`, headers: [{ name: 'Origin', value: 'https://app.example' }], headersSize: 100 },
  response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
  ...extra,
});
const har = (entries: unknown[]): string => JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
const csv = (characters: number): string => har([entry(1, { response: { status: 200, headers: [], content: { mimeType: 'text/csv', text: 'a,b,c\n'.repeat(characters / 6) } } })]);

describe('the HAR scanner does linear work', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a body with an escape every 6 characters (CSV, logs), in the CLI-like chunks: each character searched at most twice', () => {
    // Searching for the closing quote again after every escape, to the chunk's end, searched thousands of times the text.
    for (const characters of [60_000, 240_000]) {
      const text = csv(characters);
      expect(charactersSearched(() => scan(text, 64 << 10))).toBeLessThanOrEqual(2 * text.length);
    }
  });

  it('one large text of many entries without a backslash, then one: each character searched at most twice', () => {
    // Each entry searching anew for a backslash, to the text's end, searched a thousand times the text.
    const text = har([...Array.from({ length: 2000 }, (_, n) => entry(n)), entry(2000, { comment: 'a\\b' })]);
    expect(charactersSearched(() => scan(text, text.length))).toBeLessThanOrEqual(2 * text.length);
  });
});

describe('escapes cut between chunks', () => {
  it('read the same wherever the text is cut', () => {
    const tricky = 'x\\"}]{[\\\\"\n\\\n"\\u0041\\\\\\\\"\\';
    const text = har([entry(1, { comment: tricky, response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }], content: { text: `${tricky}\n`.repeat(4) } } }), entry(2)]);
    const whole = analyzeHar(text);
    expect(whole.exchanges).toHaveLength(2);
    const from = text.indexOf('"comment"');
    const to = text.indexOf('"content"') + 120;
    for (let cut = from; cut < to; cut++) {
      for (const second of [cut + 1, cut + 7]) {
        const reader = new HarReader();
        reader.push(text.slice(0, cut));
        reader.push(text.slice(cut, second));
        reader.push(text.slice(second));
        expect(reader.finish()).toEqual(whole);
      }
    }
  });
});
