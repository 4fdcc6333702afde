/**
 * Shell quoting: any string becomes one word that the shell passes through unchanged, and that
 * is safe to paste into a terminal.
 * Inside POSIX single quotes every byte is literal except `'` itself, written `'\''`.
 * @see https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02_02
 *
 * NUL is the one byte no command argument can hold (C strings end there), so it is dropped.
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * C0 controls, DEL and C1 controls: literal inside single quotes for the shell, but a terminal
 * acts on them when they are pasted. `ESC [201~` ends bracketed paste, and whatever follows
 * (`^C`, a command, a newline) then runs as typed; a raw line break is one too. A quoted word
 * never carries one raw.
 */
const CONTROL = /[\u0001-\u001f\u007f-\u009f]/;

export function shellQuote(value: string): string {
  const s = value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (SAFE.test(s)) return s;
  if (CONTROL.test(s)) return ansiCQuote(s);
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

function hexByte(byte: number): string {
  return `\\x${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** One character of an ANSI-C quoted word: controls as `\xHH` (C1 as its two UTF-8 bytes). */
function ansiCChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return hexByte(code);
  if (code >= 0x80 && code <= 0x9f) return hexByte(0xc2) + hexByte(code);
  if (ch === '\\' || ch === "'") return `\\${ch}`;
  // Escaped so no shell's history expansion can ever read it (bash and zsh leave it alone in $'...' today).
  if (ch === '!') return hexByte(0x21);
  return ch;
}

/**
 * `$'...'` (ANSI-C quoting), which spells control characters as escapes, so the word keeps the
 * exact bytes without carrying them raw. Bash, zsh and ksh read it; POSIX sh before Issue 8
 * (2024) lacks it (dash prints the `$` and the escapes as they are), so it is used only for the
 * values that need it and everything else keeps the single quotes any sh reads.
 * @see https://www.gnu.org/software/bash/manual/html_node/ANSI_002dC-Quoting.html
 */
function ansiCQuote(s: string): string {
  let out = "$'";
  for (const ch of s) out += ansiCChar(ch);
  return `${out}'`;
}
