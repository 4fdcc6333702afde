/**
 * A test helper that reads Markdown the way CommonMark does for what matters to a report: where
 * fenced code blocks open and close, and which lines are outside them. Used to prove that quoted
 * data never closes its block early or leaks out of it.
 */
export interface MarkdownBlocks {
  /** Contents of each fenced block, in order. */
  readonly blocks: string[][];
  /** Lines outside fenced blocks. */
  readonly outside: string[];
  /** Whether a block was left open at the end. */
  readonly unclosed: boolean;
}

export function readMarkdownBlocks(markdown: string): MarkdownBlocks {
  const blocks: string[][] = [];
  const outside: string[] = [];
  let open: { fence: number; lines: string[] } | null = null;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (open === null) {
      const start = /^ {0,3}(`{3,})[^`]*$/.exec(line);
      if (start?.[1] !== undefined) open = { fence: start[1].length, lines: [] };
      else outside.push(line);
      continue;
    }
    const end = /^ {0,3}(`{3,})\s*$/.exec(line);
    if (end?.[1] !== undefined && end[1].length >= open.fence) {
      blocks.push(open.lines);
      open = null;
    } else open.lines.push(line);
  }
  return { blocks, outside, unclosed: open !== null };
}

/** Cells of a GFM table row, split on unescaped pipes. */
export function tableCells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
}
