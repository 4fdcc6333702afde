/** Output formats of `cors-devtools analyze`. */
export const reportFormats = ['text', 'md', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** What makes the exit code 1: a CORS failure, or also a warning. */
export const failLevels = ['error', 'warning'] as const;
export type FailLevel = (typeof failLevels)[number];

export interface AnalyzeCommand {
  readonly command: 'analyze';
  readonly file: string;
  readonly format: ReportFormat;
  readonly failOn: FailLevel;
  readonly keepCredentials: boolean;
  /** Progress on stderr: `auto` shows it when stderr is a terminal. */
  readonly progress: 'auto' | 'always';
}

export type ParsedArgs = AnalyzeCommand | { readonly command: 'help' } | { readonly command: 'usage-error'; readonly message: string };

/** `cors-devtools analyze FILE.har [--format text|md|json] [--fail-on error|warning] [--keep-credentials] [--progress]` */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'analyze') return { command: 'usage-error', message: `Unknown command ${JSON.stringify(command)}: the command is "analyze".` };
  let file: string | undefined;
  let format: ReportFormat = 'text';
  let failOn: FailLevel = 'error';
  let keepCredentials = false;
  let progress: AnalyzeCommand['progress'] = 'auto';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case '--format': {
        const v = value();
        if (!isOneOf(reportFormats, v)) return { command: 'usage-error', message: `--format takes ${reportFormats.join(', ')}; got ${JSON.stringify(v ?? '')}.` };
        format = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!isOneOf(failLevels, v)) return { command: 'usage-error', message: `--fail-on takes ${failLevels.join(' or ')}; got ${JSON.stringify(v ?? '')}.` };
        failOn = v;
        break;
      }
      case '--keep-credentials':
        keepCredentials = true;
        break;
      case '--progress':
        progress = 'always';
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') return { command: 'usage-error', message: `Unknown option ${JSON.stringify(arg)}.` };
        if (file !== undefined) return { command: 'usage-error', message: `One file at a time: got ${JSON.stringify(file)} and ${JSON.stringify(arg)}.` };
        file = arg;
    }
  }
  if (file === undefined) return { command: 'usage-error', message: 'Which HAR file? cors-devtools analyze FILE.har' };
  return { command: 'analyze', file, format, failOn, keepCredentials, progress };
}

function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}

export const HELP = `cors-devtools: CORS analysis of HAR files, for bug reports and CI.

Usage:
  cors-devtools analyze FILE.har [--format text|md|json] [--fail-on error|warning]
                                 [--keep-credentials] [--progress]

Reads a HAR (from the browser's Network panel, "Save all as HAR", or Playwright's recordHar),
pairs each cross-origin request with its preflight and checks it as the browser that recorded
it does (Firefox's rules for a file Firefox wrote, Chromium's otherwise). FILE may be "-" to read
standard input.

Options:
  --format text      a table of the cross-origin requests, then each failure with why and the
                     header lines that fix it (default)
  --format md        a Markdown report for a bug tracker
  --format json      the versioned JSON report (docs/report-schema.md); notes about the file
                     itself go to stderr
  --fail-on error    exit 1 when a request failed CORS (default)
  --fail-on warning  exit 1 on a failure or on any warning (a CORS warning, or an incomplete file)
  --keep-credentials show cookies, tokens and Authorization values (redacted by default)
  --progress         show progress on stderr even when it is not a terminal
  -h, --help         this text

Exit codes: 0 nothing found, 1 a failure (or a warning with --fail-on warning), 2 bad input or usage.
`;
