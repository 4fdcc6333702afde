import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell-quote';

/** What a shell makes of the quoted words: each argument, NUL-separated. Bash reads the `$'...'` of values with controls; `sh` (dash here) does not. */
function throughShell(words: readonly string[], shell: 'bash' | 'sh' = 'bash'): string[] {
  const out = execFileSync(shell, ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
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

  it('passes quotes, newlines, $, backticks and non-ASCII through the shell unchanged', () => {
    const words = ["it's", 'a"b', 'line1\nline2\r\n', '$(touch /tmp/pwned) $HOME ${x}', '`id`', 'é 日本 😀', '\\n\\', '!event', '*', '~', '-H', "'"];
    expect(throughShell(words)).toEqual(words);
  });

  it('keeps the single quotes any POSIX sh reads for values without control characters', () => {
    const words = ["it's", 'a"b', '$(touch /tmp/pwned) $HOME', '`id`', 'é 日本 😀', '\\n\\', '!event', "'", '\u202E'];
    expect(throughShell(words, 'sh')).toEqual(words);
    expect(shellQuote('a!b')).toBe("'a!b'");
  });

  it('never carries a control character raw: ANSI-C quotes a value holding one, with \\xHH escapes', () => {
    // Pasted into a terminal, ESC [201~ ends bracketed paste and ^C and the rest run as typed.
    expect(shellQuote('a\u001b[201~\u0003touch /tmp/pwned #')).toBe("$'a\\x1B[201~\\x03touch /tmp/pwned #'");
    expect(shellQuote("l1\nit's \\ !x\u007f\u009b")).toBe("$'l1\\x0Ait\\'s \\\\ \\x21x\\x7F\\xC2\\x9B'");
    const words = randomWords(400);
    for (const word of words) expect(shellQuote(word)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(throughShell(['a\u001b[201~\u0003touch /tmp/pwned #', 'tab\there', '\u0085\u009b'])).toEqual(['a\u001b[201~\u0003touch /tmp/pwned #', 'tab\there', '\u0085\u009b']);
  });

  it('drops NUL, which no argument can hold', () => {
    expect(throughShell(['a\u0000b'])).toEqual(['ab']);
  });

  it('round-trips random strings of any code point but NUL', () => {
    expect(throughShell(randomWords(400))).toEqual(randomWords(400));
  });
});
