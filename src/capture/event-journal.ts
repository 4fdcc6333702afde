import { parseWebRequestDetails } from './parse-web-request-details';
import type { PersistedState } from './persisted-state';
import { takesPart } from './takes-part';
import { webRequestEventKinds, type WebRequestEvent, type WebRequestEventKind } from './web-request-event';

/**
 * A write-ahead journal of webRequest events, so that a background stopped while handling an event
 * loses nothing it was handed.
 *
 * Measured in Chromium 156 (test/browser/capture.test.ts, stopping the worker mid-scenario): the
 * state a handled event changes is written at the end of its task, so a worker stopped in the
 * millisecond between receiving an event and that write lost the event (a request left pending,
 * an exchange missing). Now the listener first stores the event as the browser handed it over
 * (`j:` keys, written before any work is done); the write that stores what the event changed also
 * records it as applied (one `storage.session.set`, applied all or nothing) and drops its entry.
 * A restarted background applies, in order, the entries a stopped one did not.
 *
 * Each run (one start of the background) keeps its own mark of what it applied, so that telling
 * applied from not never compares two runs' keys: runs are ordered by their start time only to
 * replay several stopped runs oldest first, and a clock set back between two runs changes nothing
 * but that order.
 */
export const journalKeys = { entry: 'j:', applied: 'journal-applied:' } as const;

/** One background's run: entries sort by when it started, then by arrival within it. */
export interface JournalRun {
  readonly startedAt: number;
  readonly id: string;
}

/** What every key of one run's entries starts with, after {@link journalKeys.entry}. */
function runPart(run: JournalRun): string {
  return `${String(run.startedAt).padStart(15, '0')}:${run.id}:`;
}

/** The run part of an entry's key (its keys are the run part, then the sequence number). */
function runPartOf(entryKey: string): string {
  return entryKey.slice(journalKeys.entry.length, entryKey.lastIndexOf(':') + 1);
}

/** The key under which an entry's run marks the last entry it applied. */
export function appliedKeyOf(entryKey: string): string {
  return journalKeys.applied + runPartOf(entryKey);
}

export function journalKey(run: JournalRun, sequence: number): string {
  return `${journalKeys.entry}${runPart(run)}${String(sequence).padStart(9, '0')}`;
}

/** An entry: the event's kind and the details as the browser gave them (parsed again on replay). */
export function journalEntry(kind: WebRequestEventKind, details: unknown): string {
  return JSON.stringify([kind, details]);
}

export interface JournaledEvent {
  readonly key: string;
  readonly event: WebRequestEvent;
}

export interface UnappliedJournal {
  /** Events a stopped background was handed and did not apply, oldest first. */
  readonly replay: readonly JournaledEvent[];
  /** Keys to drop: entries applied already or that are not events, and the marks of runs with no entry left. */
  readonly drop: readonly string[];
}

/**
 * Reads the journal back. Entries of `current` (the run reading it) are left alone: that run
 * holds their events and applies them itself. An entry is parsed as strictly as the listener
 * parses what the browser hands over.
 */
export function unappliedJournal(restored: PersistedState, current?: JournalRun): UnappliedJournal {
  const own = current === undefined ? undefined : runPart(current);
  const replay: JournaledEvent[] = [];
  const drop: string[] = [];
  const runsWithEntries = new Set<string>();
  for (const key of Object.keys(restored).filter((k) => k.startsWith(journalKeys.entry)).sort()) {
    const run = runPartOf(key);
    runsWithEntries.add(run);
    if (run === own) continue;
    const applied = restored[journalKeys.applied + run];
    const event = typeof applied === 'string' && key <= applied ? undefined : eventOf(restored[key]);
    if (event === undefined) drop.push(key);
    else replay.push({ key, event });
  }
  // A run's mark outlives its entries by one restart: it is dropped only once nothing of the run is
  // left, never in the write that drops the run's last entries (a stop between the two would
  // leave entries without the mark that says they were applied).
  for (const key of Object.keys(restored)) {
    if (!key.startsWith(journalKeys.applied)) continue;
    const run = key.slice(journalKeys.applied.length);
    if (run !== own && !runsWithEntries.has(run)) drop.push(key);
  }
  return { replay, drop };
}

function eventOf(entry: unknown): WebRequestEvent | undefined {
  if (typeof entry !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !isEventKind(parsed[0])) return undefined;
  return parseWebRequestDetails(parsed[0], parsed[1]);
}

const eventKinds: ReadonlySet<string> = new Set<WebRequestEventKind>(Object.values(webRequestEventKinds));

function isEventKind(value: unknown): value is WebRequestEventKind {
  return typeof value === 'string' && eventKinds.has(value);
}

/**
 * What the background's webRequest listener does with each callback: parse it (dropping what is
 * not an http(s) request of a tab), journal it as the browser handed it over if the capture can
 * use it (see {@link takesPart}; `tracked` says whether its request is in flight, `undefined` while
 * that is not known), then hand it on to be handled, with its journal key if it has one. The order
 * is the journal's guarantee: written before any work.
 */
export function journaledReceiver(
  run: JournalRun,
  journal: (key: string, entry: string) => void,
  handle: (event: WebRequestEvent, key: string | undefined) => void,
  tracked: (event: WebRequestEvent) => boolean | undefined = () => undefined,
): (kind: WebRequestEventKind, details: unknown) => void {
  let sequence = 0;
  return (kind, details) => {
    const event = parseWebRequestDetails(kind, details);
    if (event === undefined) return;
    if (!takesPart(event, tracked(event))) return handle(event, undefined);
    const key = journalKey(run, sequence++);
    journal(key, journalEntry(kind, details));
    handle(event, key);
  };
}
