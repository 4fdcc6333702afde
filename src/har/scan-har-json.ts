import { HarError } from './har-error';

/** What the scanner finds in a HAR file's text. */
export interface HarScanSink {
  /** A member of the log other than `entries` (`version`, `creator`, `browser`, `pages`, ...), parsed. */
  field(name: string, value: unknown): void;
  /** The JSON text of one element of `log.entries`, in file order. */
  entry(index: number, text: string): void;
  /** An element of `log.entries` longer than the scanner keeps: `characters` long, its text dropped. */
  entryTooLarge(index: number, characters: number): void;
}

/**
 * The longest value (an entry, or a log member) whose text is kept, in characters: half the
 * longest string V8 makes (2^29 - 24), so joining an entry's pieces cannot fail, and parsing it
 * (its text, then its body as a string) stays within memory. A longer one (a video's body) is
 * scanned to its end without keeping it.
 */
export const MAX_VALUE_LENGTH = 2 ** 28;

/** Where the text stopped, when it stopped before the HAR's closing brace. */
export interface ScanEnd {
  readonly complete: boolean;
  /** Characters read in all. */
  readonly length: number;
}

type FrameState = 'first-key' | 'key' | 'colon' | 'value' | 'after';
interface Frame {
  readonly kind: 'root' | 'log';
  state: FrameState;
  key: string;
}
type EntriesState = 'first' | 'next' | 'after';
interface OpenValue {
  readonly kind: 'field' | 'entry';
  readonly name: string;
  readonly parts: string[];
  /** Characters of the value read so far, kept in `parts` or not. */
  length: number;
  /** Over the limit: `parts` is emptied and nothing more is kept. */
  dropped: boolean;
  /** Index in the current chunk where the value (or its continuation) starts. */
  from: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
  readonly scalar: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Reads a HAR file's JSON text chunk by chunk and hands over each element of `log.entries` as its
 * own text, so a 200 MB file is never one object tree: the caller parses one entry at a time and
 * keeps only what it needs. Work is linear in the text (strings are skipped with `indexOf`).
 *
 * It understands the structure of the two outer levels (`{ "log": { ..., "entries": [ ... ] } }`,
 * or the bare log object DevTools' `network.getHAR()` gives) and only counts brackets
 * inside a value; a value's own syntax is checked when the caller parses it. Structural mistakes
 * throw {@link HarError}; so does a first character that cannot start a HAR.
 */
export class HarScanner {
  readonly #sink: HarScanSink;
  readonly #maxValueLength: number;
  readonly #frames: Frame[] = [];
  #entries: EntriesState | null = null;
  #sawEntries = false;
  #entryCount = 0;
  #value: OpenValue | null = null;
  #carry = '';
  #length = 0;
  #started = false;
  #done = false;
  /**
   * Where the chunk being read has its next backslash and its next quote, from the last search
   * (the text's end when it has none). Searching again only once `i` passes them keeps the work
   * linear: a string with an escape every few characters would otherwise search for its closing
   * quote after each escape, to the chunk's end, and each entry of one large text would search
   * for a backslash to the text's end. Valid for one chunk: `i` only grows while it is read.
   */
  #nextBackslash = -1;
  #nextQuote = -1;

  /** `maxValueLength`: the longest value kept (lowered by tests). */
  constructor(sink: HarScanSink, maxValueLength = MAX_VALUE_LENGTH) {
    this.#sink = sink;
    this.#maxValueLength = maxValueLength;
  }

  /** Elements of `entries` handed over so far. */
  get entryCount(): number {
    return this.#entryCount;
  }

  /** Whether `entries` was found where a HAR has it. */
  get sawEntries(): boolean {
    return this.#sawEntries;
  }

  /** Characters consumed so far. */
  get length(): number {
    return this.#length;
  }

  push(chunk: string): void {
    this.#length += chunk.length;
    const text = this.#carry === '' ? chunk : this.#carry + chunk;
    this.#carry = '';
    this.#nextBackslash = -1;
    this.#nextQuote = -1;
    let i = 0;
    while (i < text.length) {
      if (this.#value !== null) {
        const end = this.#scanValue(text, i);
        if (end < 0) {
          this.#keep(this.#value, text.slice(this.#value.from));
          this.#value.from = 0;
          return;
        }
        this.#closeValue(text, end);
        i = end;
        continue;
      }
      i = skipWhitespace(text, i);
      if (i >= text.length) return;
      const next = this.#structure(text, i);
      if (next < 0) {
        // A key string cut by the chunk's end: read it again with the next chunk.
        this.#carry = text.slice(i);
        return;
      }
      i = next;
    }
  }

  /** The text ended: whether the HAR was complete. */
  end(): ScanEnd {
    if (!this.#started) throw new HarError('empty', 'The file is empty: a HAR file is a JSON object with a "log" holding "entries".');
    return { complete: this.#done, length: this.#length };
  }

  /** One structural token at `i` (not whitespace); returns the index after it, or -1 for "need more text". */
  #structure(text: string, i: number): number {
    const c = text[i];
    if (this.#done) throw notJson(`there is more text after the end of the HAR object, at character ${this.#offsetOf(text, i)}`);
    if (!this.#started) {
      this.#started = true;
      if (c === '{') {
        this.#frames.push({ kind: 'root', state: 'first-key', key: '' });
        return i + 1;
      }
      if (c === '[') throw new HarError('not-har', 'This is a JSON array, not a HAR file: a HAR file is a JSON object with a "log" holding "entries".');
      if (c === '\uFEFF') {
        this.#started = false;
        return i + 1;
      }
      throw notJson(`it starts with ${JSON.stringify(text.slice(i, i + 20))}`);
    }
    if (this.#entries !== null) return this.#entriesToken(text, i);
    const frame = this.#frames.at(-1);
    if (frame === undefined) throw notJson('unexpected text');
    switch (frame.state) {
      case 'first-key':
      case 'key': {
        if (c === '}' && frame.state === 'first-key') return this.#closeFrame(i);
        if (c !== '"') throw notJson(`expected a property name at character ${this.#offsetOf(text, i)}`);
        const end = stringEnd(text, i + 1);
        if (end < 0) return -1;
        frame.key = this.#key(text, i, end);
        frame.state = 'colon';
        return end;
      }
      case 'colon':
        if (c !== ':') throw notJson(`expected ":" at character ${this.#offsetOf(text, i)}`);
        frame.state = 'value';
        return i + 1;
      case 'value':
        frame.state = 'after';
        if (frame.kind === 'root' && frame.key === 'log' && c === '{') {
          this.#frames.push({ kind: 'log', state: 'first-key', key: '' });
          return i + 1;
        }
        if (frame.key === 'entries' && c === '[') {
          this.#entries = 'first';
          this.#sawEntries = true;
          return i + 1;
        }
        this.#openValue('field', frame.key, text, i);
        return i;
      case 'after':
        if (c === ',') {
          frame.state = 'key';
          return i + 1;
        }
        if (c === '}') return this.#closeFrame(i);
        throw notJson(`expected "," or "}" at character ${this.#offsetOf(text, i)}`);
    }
  }

  /** The property name quoted from `from` to `end`; a bad escape or a raw control character in it is a structural mistake like any other. */
  #key(text: string, from: number, end: number): string {
    try {
      return JSON.parse(text.slice(from, end)) as string;
    } catch {
      throw notJson(`a property name that is not a valid JSON string at character ${this.#offsetOf(text, from)}`);
    }
  }

  #entriesToken(text: string, i: number): number {
    const c = text[i];
    if (this.#entries === 'after') {
      if (c === ',') {
        this.#entries = 'next';
        return i + 1;
      }
      if (c !== ']') throw notJson(`expected "," or "]" between entries at character ${this.#offsetOf(text, i)}`);
      this.#entries = null;
      return i + 1;
    }
    if (c === ']' && this.#entries === 'first') {
      this.#entries = null;
      return i + 1;
    }
    this.#entries = 'after';
    this.#openValue('entry', '', text, i);
    return i;
  }

  #closeFrame(i: number): number {
    this.#frames.pop();
    if (this.#frames.length === 0) this.#done = true;
    return i + 1;
  }

  #openValue(kind: OpenValue['kind'], name: string, text: string, i: number): void {
    const c = text.charCodeAt(i);
    if (c === 0x7d || c === 0x5d || c === 0x2c || c === 0x3a) throw notJson(`expected a value at character ${this.#offsetOf(text, i)}`);
    const opens = c === 0x7b || c === 0x5b;
    this.#value = { kind, name, parts: [], length: 0, dropped: false, from: i, depth: 0, inString: false, escaped: false, scalar: !opens && c !== QUOTE };
  }

  /** Scans the open value from `i`; returns the index just after it, or -1 when it goes on past this chunk. */
  #scanValue(text: string, i: number): number {
    const v = this.#value;
    if (v === null) return i;
    const length = text.length;
    if (v.scalar) {
      while (i < length && !isScalarEnd(text.charCodeAt(i))) i++;
      return i < length ? i : -1;
    }
    while (i < length) {
      if (v.inString) {
        if (v.escaped) {
          v.escaped = false;
          i++;
          continue;
        }
        if (this.#nextBackslash < i) this.#nextBackslash = indexOrEnd(text, '\\', i);
        if (this.#nextQuote < i) this.#nextQuote = indexOrEnd(text, '"', i);
        const backslash = this.#nextBackslash;
        const quote = this.#nextQuote;
        if (backslash < quote) {
          v.escaped = true;
          i = backslash + 1;
          continue;
        }
        if (quote >= length) return -1;
        v.inString = false;
        i = quote + 1;
        if (v.depth === 0) return i;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) v.inString = true;
      else if (c === 0x7b || c === 0x5b) v.depth++;
      else if (c === 0x7d || c === 0x5d) {
        v.depth--;
        if (v.depth === 0) return i + 1;
      }
      i++;
    }
    return -1;
  }

  /** Keeps a piece of the open value's text, until the value grows past the limit: then none of it. */
  #keep(v: OpenValue, piece: string): void {
    v.length += piece.length;
    if (v.dropped) return;
    if (v.length > this.#maxValueLength) {
      v.dropped = true;
      v.parts.length = 0;
      return;
    }
    v.parts.push(piece);
  }

  #closeValue(text: string, end: number): void {
    const v = this.#value;
    if (v === null) return;
    this.#value = null;
    this.#keep(v, text.slice(v.from, end));
    if (v.kind === 'entry') {
      const index = this.#entryCount++;
      if (v.dropped) this.#sink.entryTooLarge(index, v.length);
      else this.#sink.entry(index, v.parts.join(''));
      return;
    }
    this.#sink.field(v.name, v.dropped ? undefined : parseOrUndefined(v.parts.join('')));
  }

  #offsetOf(text: string, i: number): number {
    return this.#length - text.length + i;
  }
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function notJson(where: string): HarError {
  return new HarError('not-json', `This file is not valid JSON (${where}), so it is not a HAR file. A HAR file is a JSON object with a "log" holding "entries".`);
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
  return i;
}

/** Index just after the closing quote of a string whose content starts at `i`, or -1. */
function stringEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else i++;
  }
  return -1;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length : at;
}

function isScalarEnd(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
