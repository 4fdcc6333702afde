import type { Exchange } from '../capture/exchange';
import { originOf } from '../capture/url-origin';
import { corsBlockErrors } from '../capture/cors-block-error';
import { harEvents, HAR_TAB_ID } from './har-events';
import { HarError } from './har-error';
import { warningSentence, type HarWarning } from './har-warning';
import type { HarRecord } from './har-record';
import { withoutFirefoxPriority } from './har-headers';
import { browserOf, nameAndVersion, pageOrigins, recorderOf, type HarSource, type LogFields } from './har-source';
import { linkRedirects } from './link-redirects';
import { placeAfterPreflights } from './preflight-first';
import { readHarEntry } from './read-har-entry';
import { replayHar } from './replay-har';
import { HarScanner, MAX_VALUE_LENGTH } from './scan-har-json';

/** The analysis of one HAR file: read-only data for the panel, the reports and the CLI. */
export interface HarAnalysis {
  /** Cross-origin exchanges, paired and diagnosed exactly as live capture would, in start order. */
  readonly exchanges: readonly Exchange[];
  /** Cross-origin requests the browser blocked whose preflight and response the file does not hold. */
  readonly unexplained: readonly UnexplainedFailure[];
  /** Entries left out, with why (at most {@link MAX_SKIPPED_LISTED}; a warning counts the rest). */
  readonly skipped: readonly SkippedEntry[];
  /** What the reader should know about the file as a whole, each URL apart so an output can redact it (the CLI). */
  readonly fileWarnings: readonly HarWarning[];
  /** {@link fileWarnings} as sentences, URLs as recorded: what the panel shows. */
  readonly warnings: readonly string[];
  readonly source: HarSource;
}

/**
 * A request that failed with the error a CORS block ends in, that the file shows no CORS
 * exchange for: Playwright's recordHar keeps neither preflights nor the headers of a blocked
 * request, so the core has nothing to check.
 */
export interface UnexplainedFailure {
  /** Index in `log.entries` of the request's (first hop's) entry. */
  readonly index: number;
  readonly method: string;
  readonly url: string;
  readonly initiator: string;
  readonly error: string;
  readonly explanation: string;
}

/** An entry left out, and why. */
export interface SkippedEntry {
  /** Index in `log.entries`. */
  readonly index: number;
  readonly reason: string;
  /** The request URL the reason is about, as recorded (cut to 200 characters): not in `reason`, so an output can redact it. */
  readonly url?: string;
}

export interface HarReaderOptions {
  /** Called after each chunk with what was read so far. */
  readonly onProgress?: (progress: { readonly characters: number; readonly entries: number }) => void;
  /** The longest entry read, in characters (default {@link MAX_VALUE_LENGTH}); a longer one is skipped. Lowered by tests. */
  readonly maxEntryLength?: number;
}

export const MAX_SKIPPED_LISTED = 1000;

/**
 * Reads a HAR file chunk by chunk ({@link push}) and analyses it at the end ({@link finish}).
 * Each entry is parsed on its own and reduced to a {@link HarRecord} at once, so memory holds
 * the records (request and response heads), never the bodies nor the whole tree.
 */
export class HarReader {
  readonly #records: HarRecord[] = [];
  readonly #skipped: SkippedEntry[] = [];
  readonly #fields: LogFields = {};
  readonly #documentOrigins = new Map<string, string>();
  readonly #scanner: HarScanner;
  readonly #options: HarReaderOptions;
  #skippedCount = 0;
  #oddHeaders = 0;
  #timeGuessed = 0;
  #notHttp = 0;
  #lastStart = 0;
  #stoppedBy: HarError | null = null;

  constructor(options: HarReaderOptions = {}) {
    this.#options = options;
    const maxEntryLength = options.maxEntryLength ?? MAX_VALUE_LENGTH;
    const sink = {
      field: (name: string, value: unknown) => this.#field(name, value),
      entry: (index: number, text: string) => this.#entryText(index, text),
      entryTooLarge: (index: number, characters: number) => this.#skip({ index, reason: tooLargeReason(characters, maxEntryLength) }),
    };
    this.#scanner = new HarScanner(sink, maxEntryLength);
  }

  /** Whether reading stopped early (a structural mistake after some entries): further chunks are ignored. */
  get stopped(): boolean {
    return this.#stoppedBy !== null;
  }

  push(chunk: string): void {
    if (this.#stoppedBy !== null) return;
    try {
      this.#scanner.push(chunk);
    } catch (error) {
      // Entries before a mistake are still worth a report; a mistake before any is the answer.
      if (!(error instanceof HarError) || this.#scanner.entryCount === 0) throw error;
      this.#stoppedBy = error;
    }
    this.#options.onProgress?.({ characters: this.#scanner.length, entries: this.#scanner.entryCount });
  }

  /** Adds an entry already parsed (the panel's `getHAR()` log), instead of text. */
  entry(index: number, value: unknown): void {
    const reading = readHarEntry(index, value, this.#lastStart);
    switch (reading.kind) {
      case 'skipped':
        return this.#skip(reading.url === undefined ? { index, reason: reading.reason } : { index, reason: reading.reason, url: reading.url });
      case 'not-http':
        this.#notHttp++;
        return;
      case 'record': {
        const { record } = reading;
        this.#oddHeaders += reading.oddHeaders;
        if (reading.timeGuessed) this.#timeGuessed++;
        this.#lastStart = record.times.start;
        const pageref = record.initiator.pageref;
        if (record.type === 'main_frame' && pageref !== undefined && !this.#documentOrigins.has(pageref)) this.#documentOrigins.set(pageref, originOf(record.url));
        this.#records.push(record);
      }
    }
  }

  /** Sets the log's own members when the input was already parsed. */
  fields(fields: LogFields): void {
    Object.assign(this.#fields, fields);
  }

  /** The text ended (or, for a parsed input, every entry was given): pair, diagnose, report. */
  finish(parsedEntries?: number): HarAnalysis {
    const warnings: HarWarning[] = [];
    const warn = (message: string): void => {
      warnings.push({ message });
    };
    const entries = parsedEntries ?? this.#scanner.entryCount;
    if (parsedEntries === undefined) this.#checkEnd(warn);

    const creator = nameAndVersion(this.#fields.creator);
    const recorder = recorderOf(creator);
    const pages = pageOrigins(this.#fields.pages);
    const browserName = nameAndVersion(this.#fields.browser);
    const browser = browserOf(browserName, creator);
    const sorted = this.#records.slice().sort((a, b) => a.times.start - b.times.start);
    const records = placeAfterPreflights(browser === 'firefox' ? withoutFirefoxPriority(sorted) : sorted);
    const initiatorOf = (record: HarRecord): string | undefined => {
      const hints = record.initiator;
      const page = hints.pageref === undefined ? undefined : (pages.get(hints.pageref) ?? this.#documentOrigins.get(hints.pageref));
      return hints.originHeader ?? hints.initiatorUrl ?? page ?? hints.referer;
    };
    const chains = linkRedirects(records);
    const replay = replayHar(harEvents(records, chains.heads, initiatorOf, chains.continued), browser);
    const unexplained = unexplainedFailures(records, chains.heads, replay.exchanges, initiatorOf);
    const preflights = records.filter((r) => r.role === 'preflight').length;

    // Without preflights in the file, a request that needed one and shows none is not a cache hit:
    // nothing says how the browser answered it. The pairing linked it to the cache, as it does live.
    const preflightsRecorded = recorder !== 'playwright' && (preflights > 0 || !replay.exchanges.some((e) => e.diagnosis?.classification.preflight === true));
    const exchanges = preflightsRecorded ? replay.exchanges : replay.exchanges.map((e) => (e.preflightCache === null ? e : { ...e, preflightCache: null }));
    if (!preflightsRecorded) {
      warn(
        `This HAR holds no preflights${recorder === 'playwright' ? " (Playwright's recordHar does not record them)" : ''}: a request that needed one shows its preflight as not observed (neither sent nor answered by the cache, as far as the file tells), and a request its preflight blocked shows only its error.`,
      );
    }
    if (unexplained.length > 0) warn(`${count(unexplained.length, 'cross-origin request')} failed with the error of a CORS block, but the file holds neither its preflight nor its response, so why cannot be worked out.`);
    if (replay.unclaimedPreflights.length > 0) {
      const first = replay.unclaimedPreflights[0];
      const message = `${count(replay.unclaimedPreflights.length, 'preflight')} matched no request in the file`;
      warnings.push(first === undefined ? { message: `${message}.` } : { message: `${message} (the first: OPTIONS for ${first.accessControlRequestMethod})`, url: first.url });
    }
    if (this.#timeGuessed > 0) warn(`${count(this.#timeGuessed, 'entry', 'entries')} had no valid startedDateTime: each was placed right after the entry before it.`);
    if (this.#oddHeaders > 0) warn(`${count(this.#oddHeaders, 'header item')} had no name or a value that is not text, and ${this.#oddHeaders === 1 ? 'was' : 'were'} ignored.`);
    if (this.#skippedCount > this.#skipped.length) warn(`${this.#skippedCount} entries were skipped; the first ${this.#skipped.length} are listed.`);
    else if (this.#skippedCount > 0) warn(`${count(this.#skippedCount, 'entry', 'entries')} could not be read and ${this.#skippedCount === 1 ? 'was' : 'were'} skipped.`);

    return {
      exchanges,
      unexplained,
      skipped: this.#skipped,
      fileWarnings: warnings,
      warnings: warnings.map((warning) => warningSentence(warning)),
      source: {
        version: typeof this.#fields.version === 'string' ? this.#fields.version : null,
        creator: creator ?? 'unknown',
        browser: browserName,
        recorder,
        pages: Array.isArray(this.#fields.pages) ? this.#fields.pages.length : 0,
        entries,
        preflights,
        notHttp: this.#notHttp,
      },
    };
  }

  #checkEnd(warn: (message: string) => void): void {
    const stopped = this.#stoppedBy;
    if (stopped !== null) {
      warn(`Reading stopped early: ${stopped.message} The ${count(this.#scanner.entryCount, 'entry', 'entries')} before that point were read.`);
      return;
    }
    const end = this.#scanner.end();
    if (!this.#scanner.sawEntries) {
      if (!end.complete) throw new HarError('truncated', 'The file ends before its "entries" begin: it looks truncated (cut off while saving or copying), and holds no requests to analyse.');
      throw new HarError('not-har', 'This is JSON, but not a HAR file: it has no "log" with "entries". Export a HAR from the browser\'s Network panel ("Save all as HAR"), or record one with Playwright\'s recordHar.');
    }
    if (!end.complete) {
      warn(`The file ends before the HAR does: it looks truncated. The ${count(this.#scanner.entryCount, 'complete entry', 'complete entries')} before the cut were read; one cut off at the end was left out.`);
    }
  }

  #field(name: string, value: unknown): void {
    if (name === 'version' || name === 'creator' || name === 'browser' || name === 'pages') this.#fields[name] = value;
  }

  #entryText(index: number, text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return this.#skip({ index, reason: 'the entry is not valid JSON' });
    }
    this.entry(index, value);
  }

  #skip(entry: SkippedEntry): void {
    this.#skippedCount++;
    if (this.#skipped.length < MAX_SKIPPED_LISTED) this.#skipped.push(entry);
  }
}

function unexplainedFailures(records: readonly HarRecord[], heads: ReadonlyMap<number, number>, exchanges: readonly Exchange[], initiatorOf: (record: HarRecord) => string | undefined): UnexplainedFailure[] {
  const seen = new Set(exchanges.map((e) => e.id));
  const failures = new Map<number, UnexplainedFailure>();
  for (const record of records) {
    if (record.role !== 'request' || record.error === null || !corsBlockErrors.has(record.error)) continue;
    const head = heads.get(record.index) ?? record.index;
    const initiator = initiatorOf(record);
    if (seen.has(`${HAR_TAB_ID}:${head}`) || initiator === undefined || initiator === originOf(record.url)) continue;
    if (record.type === 'main_frame' || record.type === 'sub_frame') continue;
    failures.set(head, {
      index: head,
      method: record.method,
      url: record.url,
      initiator,
      error: record.error,
      explanation: `The browser blocked this request (${record.error}), the way it ends a request that fails CORS, but the HAR holds neither a preflight nor a response for it, so which check failed cannot be worked out. Record the HAR from the browser's DevTools (it keeps preflights), or open the page with CORS DevTools.`,
    });
  }
  return [...failures.values()];
}

/** Why an entry too long to keep was skipped: its body, almost always, which the analysis does not need but cannot read around. */
function tooLargeReason(characters: number, limit: number): string {
  return `too large to read (${characters.toLocaleString('en-US')} characters, over the limit of ${limit.toLocaleString('en-US')}: most likely a body)`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}


