import { describe, expect, it } from 'vitest';
import { fencedBlock, inlineCode, inlineText, showControls, tableCell, truncate } from './markdown-text';

describe('showControls', () => {
  it('shows control and invisible characters as escapes', () => {
    expect(showControls('a\u0000b\r\nc\u001b[0m\u007f')).toBe('a\\x00b\\x0D\\x0Ac\\x1B[0m\\x7F');
    expect(showControls('\u202Eevil\u200B')).toBe('\\u202Eevil\\u200B');
    expect(showControls('a\tb')).toBe('a\\x09b');
    expect(showControls('a\tb', true)).toBe('a\tb');
    expect(showControls('héllo — 日本')).toBe('héllo — 日本');
  });

  it('shows every default-ignorable and bidi control character: tags, U+061C, variation selectors', () => {
    expect(showControls('ok\u{E0069}\u{E0067}\u{E007F}')).toBe('ok\\U000E0069\\U000E0067\\U000E007F');
    expect(showControls('a\u061Cb')).toBe('a\\u061Cb');
    const hidden = [0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x206f, 0x3164, 0xfe00, 0xfe0f, 0xfeff, 0xffa0, 0x1bca0, 0x1d173, 0xe0001, 0xe0100, 0xe01ef];
    for (const code of hidden) expect(showControls(`a${String.fromCodePoint(code)}b`)).toMatch(/^a\\(?:x|u|U)[0-9A-F]+b$/);
    expect(inlineText('q=\u{E0041}\u{E0042}')).toBe('q=\\U000E0041\\U000E0042');
    expect(showControls('😀 日本 é')).toBe('😀 日本 é');
  });
});

describe('inlineText', () => {
  it('escapes Markdown and HTML', () => {
    expect(inlineText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(inlineText('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(inlineText('a | b `c` *d* _e_ &amp; ~f~')).toBe('a \\| b \\`c\\` \\*d\\* \\_e\\_ \\&amp; \\~f\\~');
    expect(inlineText('back\\slash')).toBe('back\\\\slash');
  });

  it('defuses block markers at the start', () => {
    expect(inlineText('# title')).toBe('\\# title');
    expect(inlineText('- item')).toBe('\\- item');
    expect(inlineText('1. item')).toBe('\\1. item');
    expect(inlineText('=== ')).toBe('\\=== ');
  });

  it('never breaks the line', () => {
    expect(inlineText('a\nb\r\nc')).not.toMatch(/[\r\n]/);
    expect(tableCell('x\n| y |')).toBe('x\\x0A\\| y \\|');
  });
});

describe('inlineCode', () => {
  it('uses more backticks than any run inside', () => {
    expect(inlineCode('plain')).toBe('`plain`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('``x')).toBe('``` ``x ```');
    expect(inlineCode('')).toBe('` `');
  });
});

describe('fencedBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(fencedBlock(['a: b'], 'http')).toBe('```http\na: b\n```');
    const block = fencedBlock(['x: ```` evil', '```'], 'http');
    expect(block.startsWith('`````http\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });

  it('keeps one line per header line', () => {
    expect(fencedBlock(['x: a\r\nInjected: 1'])).toBe('```\nx: a\\x0D\\x0AInjected: 1\n```');
  });
});

describe('truncate', () => {
  it('cuts long text with an ellipsis', () => {
    expect(truncate('abcdef', 3)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
