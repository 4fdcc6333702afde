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

/** A tab's list as the messages that send it: the newest page as `snapshot`, older ones after. */
export function snapshotMessages(tabId: number, exchanges: readonly Exchange[], meta: SnapshotMeta, pageSize = SNAPSHOT_PAGE_SIZE): BackgroundMessage[] {
  let end = exchanges.length;
  let start = Math.max(0, end - pageSize);
  const messages: BackgroundMessage[] = [
    { type: 'snapshot', version: PROTOCOL_VERSION, tabId, exchanges: exchanges.slice(start, end), evicted: meta.evicted, preserveLog: meta.preserveLog, remaining: start },
  ];
  while (start > 0) {
    end = start;
    start = Math.max(0, end - pageSize);
    messages.push({ type: 'snapshot-page', tabId, exchanges: exchanges.slice(start, end), remaining: start });
  }
  return messages;
}
