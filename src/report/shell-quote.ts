/**
 * POSIX shell quoting: any string becomes one word that the shell passes through unchanged.
 * Inside single quotes every byte is literal except `'` itself, written `'\''`.
 * @see https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02_02
 *
 * NUL is the one byte no command argument can hold (C strings end there), so it is dropped.
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(value: string): string {
  const s = value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (SAFE.test(s)) return s;
  return `'${s.replaceAll("'", `'\\''`)}'`;
}
