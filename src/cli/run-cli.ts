import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { analyzeHarStream, HarError, type HarAnalysis } from '../har/index';
import { jsonReport } from '../report/json-report';
import { markdownReport } from '../report/markdown-report';
import { exitCodeOf, EXIT_BAD_INPUT } from './exit-code';
import { showControls } from '../report/markdown-text';
import { fileNotes, markdownNotes, unexplainedNotes } from './har-notes';
import { HELP, parseArgs, type AnalyzeCommand } from './parse-args';
import { progressReporter } from './progress';
import { textReport } from './text-report';

/** Where the CLI writes; injected so tests run it in-process too. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
}

/** Runs `cors-devtools` with these arguments; resolves to the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.command === 'usage-error') {
    io.stderr.write(`cors-devtools: ${args.message}\n\n${HELP}`);
    return EXIT_BAD_INPUT;
  }
  let analysis: HarAnalysis;
  try {
    analysis = await analyze(args, io);
  } catch (error) {
    io.stderr.write(`cors-devtools: ${describeFailure(args.file, error)}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stdout.write(render(analysis, args));
  if (args.format === 'json') for (const note of notesOf(analysis, args.keepCredentials)) io.stderr.write(`cors-devtools: ${showControls(note)}\n`); // one line: control characters shown, never sent
  return exitCodeOf(analysis, args.failOn);
}

async function analyze(args: AnalyzeCommand, io: CliIo): Promise<HarAnalysis> {
  const fromStdin = args.file === '-';
  const size = fromStdin ? null : (await stat(args.file)).size;
  const show = args.progress === 'always' || io.stderr.isTTY === true;
  const progress = show ? progressReporter(io.stderr, args.file, size) : null;
  const input = fromStdin ? io.stdin : createReadStream(args.file, { highWaterMark: 1 << 20 });
  const analysis = await analyzeHarStream(decode(input, (bytes) => progress?.read(bytes)));
  progress?.done();
  return analysis;
}

/** The stream's bytes as UTF-8 text chunks (a character split between chunks is kept whole). */
async function* decode(input: NodeJS.ReadableStream, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    onBytes(bytes);
    yield decoder.decode(buffer, { stream: true });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function render(analysis: HarAnalysis, args: AnalyzeCommand): string {
  const options = { keepCredentials: args.keepCredentials, source: args.file === '-' ? 'standard input' : args.file, unexplainedBlocks: analysis.unexplained.length };
  switch (args.format) {
    case 'text':
      return textReport(analysis, options.source, args.keepCredentials);
    case 'md':
      return `${markdownReport(analysis.exchanges, options)}${markdownNotes(notesOf(analysis, args.keepCredentials))}`;
    case 'json':
      return `${JSON.stringify(jsonReport(analysis.exchanges, options), null, 2)}\n`;
  }
}

/** What the report formats have no field for: the file's warnings, skipped entries, unexplained blocks. */
function notesOf(analysis: HarAnalysis, keepCredentials: boolean): string[] {
  return [...unexplainedNotes(analysis, keepCredentials), ...fileNotes(analysis, keepCredentials)];
}

function describeFailure(file: string, error: unknown): string {
  if (error instanceof HarError) return `${file}: ${error.message}`;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ENOENT') return `${file}: no such file.`;
  if (code === 'EISDIR') return `${file} is a directory, not a HAR file.`;
  if (code === 'EACCES') return `${file}: permission denied.`;
  return `${file}: could not be analysed: ${error instanceof Error ? error.message : String(error)}`;
}
