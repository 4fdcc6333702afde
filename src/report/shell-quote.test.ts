import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell-quote';

/** What `sh` makes of the quoted words: each argument, NUL-separated. */
function throughShell(words: readonly string[]): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellQuote('https://api.example/x')).toBe('https://api.example/x');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('passes quotes, newlines, $, backticks and non-ASCII through sh unchanged', () => {
    const words = ["it's", 'a"b', 'line1\nline2\r\n', '$(touch /tmp/pwned) $HOME ${x}', '`id`', 'é 日本 😀', '\\n\\', '!event', '*', '~', '-H', "'"];
    expect(throughShell(words)).toEqual(words);
  });

  it('drops NUL, which no argument can hold', () => {
    expect(throughShell(['a\u0000b'])).toEqual(['ab']);
  });

  it('round-trips any string without NUL', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replaceAll('\u0000', '')), { minLength: 1, maxLength: 5 }), (words) => {
        expect(throughShell(words)).toEqual(words);
      }),
      { numRuns: 60 },
    );
  });
});
