import type { Exchange } from '../capture/exchange';
import { isExchangeShape } from './exchange-shape';

/**
 * The protocol between the background and its panels (the DevTools CORS tab or its pop-out).
 * One port per panel, named {@link PANEL_PORT_NAME}; one map of messages per direction.
 * Bump {@link PROTOCOL_VERSION} on any change a panel of the previous version would misread.
 */
export const PROTOCOL_VERSION = 2;
export const PANEL_PORT_NAME = 'cors-panel';
/**
 * The devtools page's port, open while its DevTools window is, and silent: it only tells the
 * background that someone is watching (the capture mode "while DevTools is open").
 */
export const DEVTOOLS_PORT_NAME = 'cors-devtools';

/** Panel -> background. */
export interface PanelToBackground {
  /** First message on a port: which tab to watch. The answer is a `snapshot`, then live updates. */
  subscribe: { readonly version: number; readonly tabId: number };
  /** Forget the tab's exchanges (the panel's "Clear"). */
  clear: { readonly tabId: number };
  /** Keep exchanges across top-level navigations, as the Network panel's "Preserve log". */
  'preserve-log': { readonly tabId: number; readonly preserve: boolean };
}

/** Background -> panel. */
export interface BackgroundToPanel {
  /** The newest exchanges of the tab; `snapshot-page`s with the older ones follow when `remaining` > 0. */
  snapshot: {
    readonly version: number;
    readonly tabId: number;
    readonly exchanges: readonly Exchange[];
    /** Older exchanges still to come in `snapshot-page`s. */
    readonly remaining: number;
    /** How many older exchanges were dropped to keep the tab's list bounded. */
    readonly evicted: number;
    readonly preserveLog: boolean;
  };
  /** Older exchanges of the snapshot, to insert before what the panel holds (oldest first). */
  'snapshot-page': { readonly tabId: number; readonly exchanges: readonly Exchange[]; readonly remaining: number };
  /** An exchange appeared or changed (same `id` replaces). */
  exchanges: { readonly tabId: number; readonly exchanges: readonly Exchange[]; readonly evicted: number };
  /** The tab's list was emptied (Clear, or a navigation without "preserve log"). */
  cleared: { readonly tabId: number };
  /** The panel spoke a version this background does not. */
  'version-mismatch': { readonly expected: number; readonly received: number };
}

/** A message of a direction's map, as a discriminated union on `type`. */
export type MessageOf<Map> = { [K in keyof Map]: { readonly type: K } & Map[K] }[keyof Map];

export type PanelMessage = MessageOf<PanelToBackground>;
export type BackgroundMessage = MessageOf<BackgroundToPanel>;

const panelTypes: ReadonlySet<string> = new Set<keyof PanelToBackground>(['subscribe', 'clear', 'preserve-log']);
const backgroundTypes: ReadonlySet<string> = new Set<keyof BackgroundToPanel>(['snapshot', 'snapshot-page', 'exchanges', 'cleared', 'version-mismatch']);

/** Parses what arrives on the background's side of a port; anything else is `undefined`. */
export function parsePanelMessage(value: unknown): PanelMessage | undefined {
  if (!isTyped(value, panelTypes)) return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m['tabId'] !== 'number') return undefined;
  switch (m['type']) {
    case 'subscribe':
      return typeof m['version'] === 'number' ? (m as unknown as PanelMessage) : undefined;
    case 'preserve-log':
      return typeof m['preserve'] === 'boolean' ? (m as unknown as PanelMessage) : undefined;
    default:
      return m as unknown as PanelMessage;
  }
}

/**
 * Parses what arrives on a panel's side of a port; anything else is `undefined`. The background is
 * trusted, but a message or exchange of the wrong shape (a background of another build, a bug)
 * would throw in the panel, every render after it for an exchange: each field the panel reads is
 * checked, and an exchange of the wrong shape is dropped with a warning, keeping the rest.
 */
export function parseBackgroundMessage(value: unknown): BackgroundMessage | undefined {
  if (!isTyped(value, backgroundTypes)) return undefined;
  const m = value as Record<string, unknown>;
  switch (m['type'] as keyof BackgroundToPanel) {
    case 'snapshot':
      return areNumbers(m, 'version', 'tabId', 'remaining', 'evicted') && typeof m['preserveLog'] === 'boolean' ? withValidExchanges(m) : undefined;
    case 'snapshot-page':
      return areNumbers(m, 'tabId', 'remaining') ? withValidExchanges(m) : undefined;
    case 'exchanges':
      return areNumbers(m, 'tabId', 'evicted') ? withValidExchanges(m) : undefined;
    case 'cleared':
      return areNumbers(m, 'tabId') ? (m as unknown as BackgroundMessage) : undefined;
    case 'version-mismatch':
      return areNumbers(m, 'expected', 'received') ? (m as unknown as BackgroundMessage) : undefined;
  }
}

function areNumbers(m: Record<string, unknown>, ...keys: readonly string[]): boolean {
  return keys.every((key) => typeof m[key] === 'number');
}

/** The message with only its exchanges of the right shape; `undefined` without an exchange array. */
function withValidExchanges(m: Record<string, unknown>): BackgroundMessage | undefined {
  const exchanges = m['exchanges'];
  if (!Array.isArray(exchanges)) return undefined;
  // The common case, every exchange valid, keeps the message as it came: no copy.
  if (exchanges.every(isExchangeShape)) return m as unknown as BackgroundMessage;
  const valid = exchanges.filter(isExchangeShape);
  console.warn(`CORS DevTools: dropped ${exchanges.length - valid.length} malformed exchange(s) of a ${String(m['type'])} message`);
  return { ...m, exchanges: valid } as unknown as BackgroundMessage;
}

function isTyped(value: unknown, types: ReadonlySet<string>): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
    && types.has((value as { type: string }).type);
}
