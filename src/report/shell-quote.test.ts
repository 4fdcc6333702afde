import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell-quote';

/** What `sh` makes of the quoted words: each argument, NUL-separated. */
function throughShell(words: readonly string[]): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** Deterministic random words: mostly ASCII controls and punctuation, some Latin-1, BMP and astral code points. */
function randomWords(count: number): string[] {
  let seed = 0x9e3779b9;
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const codePoint = (): number => {
    const r = next();
    if (r < 0.7) return 1 + Math.floor(next() * 127);
    if (r < 0.8) return 0x80 + Math.floor(next() * 0x80);
    if (r < 0.95) return 0x100 + Math.floor(next() * (0xd800 - 0x100));
    return 0x10000 + Math.floor(next() * 0xfffff);
  };
  return Array.from({ length: count }, () => String.fromCodePoint(...Array.from({ length: Math.floor(next() * 24) }, codePoint)));
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

  it('round-trips random strings of any code point but NUL', () => {
    expect(throughShell(randomWords(400))).toEqual(randomWords(400));
  });
});
