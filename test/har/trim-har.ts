/**
 * Makes a recorded HAR small enough to commit and read, without changing anything the analysis
 * looks at: bodies (`content.text`, `postData.text`) become a note of their size, and the stack
 * traces in Chrome's `_initiator.stack` go. Heads, timings and every entry stay as recorded.
 */
export function trimHar(har: unknown): unknown {
  return JSON.parse(JSON.stringify(har), (key, value: unknown) => {
    if (key === 'stack' && typeof value === 'object') return undefined;
    if (key === 'text' && typeof value === 'string' && value.length > 0) return `[${value.length} characters trimmed]`;
    return value;
  });
}
