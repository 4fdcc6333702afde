/**
 * Progress of reading a large file, on stderr: one line rewritten in place on a terminal,
 * otherwise a line every 10%. Silent for files under {@link MIN_BYTES}.
 */
export function progressReporter(stderr: { write(text: string): unknown; readonly isTTY?: boolean }, file: string, size: number | null): { read(bytes: number): void; done(): void } {
  const tty = stderr.isTTY === true;
  let shown = -1;
  let wrote = false;
  return {
    read(bytes) {
      if (size !== null && size < MIN_BYTES) return;
      const step = size === null ? Math.floor(bytes / (16 * MB)) : Math.floor((bytes / size) * (tty ? 100 : 10));
      if (step === shown) return;
      shown = step;
      wrote = true;
      const text = size === null ? `${file}: ${mb(bytes)} read` : `${file}: ${Math.floor((bytes / size) * 100)}% (${mb(bytes)} of ${mb(size)})`;
      stderr.write(tty ? `\r${text}\u001b[K` : `${text}\n`);
    },
    done() {
      if (wrote && tty) stderr.write('\n');
    },
  };
}

const MB = 1024 * 1024;
const MIN_BYTES = 4 * MB;

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
