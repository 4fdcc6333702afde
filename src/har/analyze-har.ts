import type { Log } from 'har-format';
import { HarError } from './har-error';
import { HarReader, type HarAnalysis, type HarReaderOptions } from './har-reader';

export type AnalyzeHarOptions = HarReaderOptions;

/**
 * Analyses a HAR file: its entries become the same exchanges live capture makes (the same
 * pairing engine, the same CORS core), read-only.
 *
 * `input` is the file's text, or a value already parsed: a HAR (`{ log }`) or a bare log as
 * DevTools' `network.getHAR()` gives it. Throws {@link HarError} when it is no HAR at all;
 * anything less (a truncated file, broken entries, odd headers) gives a partial analysis whose
 * `skipped` and `warnings` say what was left out.
 */
export function analyzeHar(input: string | unknown, options: AnalyzeHarOptions = {}): HarAnalysis {
  const reader = new HarReader(options);
  if (typeof input === 'string') {
    reader.push(input);
    return reader.finish();
  }
  const log = logOf(input);
  reader.fields({ version: log['version'], creator: log['creator'], browser: log['browser'], pages: log['pages'] });
  const entries = log['entries'] as unknown[];
  entries.forEach((entry, index) => reader.entry(index, entry));
  return reader.finish(entries.length);
}

/** Analyses a HAR file read as a stream of text chunks (the CLI reads files this way). */
export async function analyzeHarStream(chunks: AsyncIterable<string>, options: AnalyzeHarOptions = {}): Promise<HarAnalysis> {
  const reader = new HarReader(options);
  for await (const chunk of chunks) {
    reader.push(chunk);
    if (reader.stopped) break;
  }
  return reader.finish();
}

function logOf(input: unknown): Partial<Record<keyof Log, unknown>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HarError('not-har', 'This is not a HAR: a HAR is a JSON object with a "log" holding "entries".');
  }
  const root = input as Record<string, unknown>;
  const log = typeof root['log'] === 'object' && root['log'] !== null ? (root['log'] as Record<string, unknown>) : root;
  if (!Array.isArray(log['entries'])) throw new HarError('not-har', 'This is not a HAR: it has no "log" with "entries".');
  return log;
}
