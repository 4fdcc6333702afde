import type { Exchange } from '../capture/exchange';
import { PROTOCOL_VERSION, type BackgroundMessage } from './messages';

/**
 * How many exchanges a snapshot message carries. Every message is copied across the port, and
 * 10,000 diagnosed exchanges take about a second to copy: the newest page arrives first so the
 * panel shows what the user just did at once, then older pages fill in above it.
 */
export const SNAPSHOT_PAGE_SIZE = 200;

export interface SnapshotMeta {
  readonly evicted: number;
  readonly preserveLog: boolean;
}

type SnapshotMessage = Extract<BackgroundMessage, { type: 'snapshot' }>;
type SnapshotPage = Extract<BackgroundMessage, { type: 'snapshot-page' }>;

/** The first message a subscribing panel gets: the tab's newest page, and how many older ones remain. */
export function snapshotMessage(tabId: number, exchanges: readonly Exchange[], meta: SnapshotMeta, pageSize = SNAPSHOT_PAGE_SIZE): SnapshotMessage {
  const start = Math.max(0, exchanges.length - pageSize);
  return { type: 'snapshot', version: PROTOCOL_VERSION, tabId, exchanges: exchanges.slice(start), evicted: meta.evicted, preserveLog: meta.preserveLog, remaining: start };
}

/**
 * The page of exchanges just older than `olderThan` (the oldest one sent so far), from the list as
 * it is now: made when it is sent, so exchanges evicted meanwhile are not sent back. `undefined`
 * when nothing older is left, or when `olderThan` itself was evicted (the oldest go first, so
 * everything older went with it).
 */
export function olderPage(tabId: number, exchanges: readonly Exchange[], olderThan: string, pageSize = SNAPSHOT_PAGE_SIZE): SnapshotPage | undefined {
  const end = exchanges.findIndex((e) => e.id === olderThan);
  if (end <= 0) return undefined;
  const start = Math.max(0, end - pageSize);
  return { type: 'snapshot-page', tabId, exchanges: exchanges.slice(start, end), remaining: start };
}
