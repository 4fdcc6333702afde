/**
 * Quoting page and server data into Markdown so it reads as the data and nothing else: it can
 * neither close its code block or table cell, nor become a link, markup or HTML.
 * @see https://spec.commonmark.org/0.31.2/#backslash-escapes
 * @see https://github.github.com/gfm/#tables-extension-
 */

/**
 * Control characters, and the invisible ones that reorder or hide text (bidi overrides, zero-width
 * spaces, line separators, BOM). Tab is kept only inside code blocks.
 */
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const INVISIBLE_OR_TAB = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function shownCode(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0').toUpperCase()}` : `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
}

/** Control and invisible characters as visible `\xNN` (`\uNNNN` above 0xFF); tabs kept when `keepTabs`. */
export function showControls(text: string, keepTabs = false): string {
  return text.replace(keepTabs ? INVISIBLE : INVISIBLE_OR_TAB, shownCode);
}

/** ASCII punctuation that can start Markdown or HTML anywhere in a line; `|` ends a table cell. */
const INLINE_SPECIAL = /[\\`*_{}[\]<>|&~!]/g;

/**
 * Text quoted inline (a paragraph, a list item, a table cell, a heading): controls shown,
 * Markdown and HTML escaped with backslashes, a block marker at the start defused.
 */
export function inlineText(text: string): string {
  // Escape first: the backslash of a shown control (`\x0A`) must stay one.
  const escaped = showControls(text.replace(INLINE_SPECIAL, '\\$&'));
  return /^(?:[#+=-]|\d+[.)])/.test(escaped) ? `\\${escaped}` : escaped;
}

/** `text` cut to `max` characters with an ellipsis, so one 10 kB value does not drown a heading. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ch) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  return longest;
}

/**
 * Text as an inline code span: delimited by more backticks than any run inside, padded when it
 * starts or ends with a backtick. Not for table cells (GFM splits cells on `|` even in code).
 */
export function inlineCode(text: string): string {
  const shown = showControls(text);
  if (shown === '') return '` `';
  const ticks = '`'.repeat(longestRun(shown, '`') + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${shown}${pad}${ticks}`;
}

/** Lines as a fenced code block whose fence is longer than any backtick run inside. */
export function fencedBlock(lines: readonly string[], info = ''): string {
  const body = lines.map((line) => showControls(line, true)).join('\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** A table cell: inline text, never a line break, pipes escaped. */
export function tableCell(text: string): string {
  return inlineText(text);
}
