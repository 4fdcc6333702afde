/**
 * Quoting page and server data into Markdown so it reads as the data and nothing else: it can
 * neither close its code block or table cell, nor become a link, markup or HTML.
 * @see https://spec.commonmark.org/0.31.2/#backslash-escapes
 * @see https://github.github.com/gfm/#tables-extension-
 */

/**
 * Characters that draw nothing or reorder what is drawn, so quoted text could hide or disguise
 * part of itself: Unicode's Default_Ignorable_Code_Point set (soft hyphen, zero-width and joiner
 * characters, bidi marks, embeddings, overrides and isolates, the Arabic letter mark U+061C,
 * Hangul fillers, variation selectors, which can smuggle bytes as well as pick a glyph, and the
 * tag characters U+E0000-E007F, invisible ASCII look-alikes) with the line and paragraph
 * separators and BOM.
 * @see https://www.unicode.org/Public/UCD/latest/ucd/DerivedCoreProperties.txt (Default_Ignorable_Code_Point)
 * @see https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters
 */
const HIDDEN =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0' +
  '\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}';
/** Control characters (C0, DEL, C1) and the hidden ones above. Tab is kept only inside code blocks. */
const INVISIBLE = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${HIDDEN}]`, 'gu');
const INVISIBLE_OR_TAB = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${HIDDEN}]`, 'gu');

function shownCode(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  // No braces (`\u{E0041}`): they are Markdown-special to some renderers and showing comes after escaping.
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : code <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
}

/** Control and invisible characters as visible `\xNN` (`\uNNNN` above 0xFF, `\UNNNNNNNN` above 0xFFFF); tabs kept when `keepTabs`. */
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
