import type { Creator, Page, Browser as HarBrowser } from 'har-format';
import type { Browser } from '../cors/index';

/** Which tool wrote the HAR: it decides what the file can hold (Playwright's has no preflights). */
export const harRecorders = ['chrome-devtools', 'firefox-devtools', 'playwright', 'other'] as const;
export type HarRecorder = (typeof harRecorders)[number];

/** What the file says about itself, and what was found in it. */
export interface HarSource {
  readonly version: string | null;
  /** `log.creator` as "name version" (`WebInspector 537.36`, `Firefox 153.0`, `Playwright 1.65.1`). */
  readonly creator: string;
  /** `log.browser` as "name version", when the file names one. */
  readonly browser: string | null;
  readonly recorder: HarRecorder;
  readonly pages: number;
  /** Elements of `log.entries`, skipped ones included. */
  readonly entries: number;
  /** Entries that are CORS preflights. */
  readonly preflights: number;
  /** Entries left out because their URL is not http(s) (`data:`, `blob:`, `ws:`, extension URLs). */
  readonly notHttp: number;
}

type Fields<T> = Partial<Record<keyof T, unknown>>;

/** The log's own members (everything but `entries`), as the scanner found them. */
export interface LogFields {
  version?: unknown;
  creator?: unknown;
  browser?: unknown;
  pages?: unknown;
}

export function nameAndVersion(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, version } = value as Fields<Creator | HarBrowser>;
  if (typeof name !== 'string' || name === '') return null;
  return typeof version === 'string' && version !== '' ? `${name} ${version}` : name;
}

export function recorderOf(creator: string | null): HarRecorder {
  if (creator === null) return 'other';
  if (/^WebInspector\b/i.test(creator)) return 'chrome-devtools';
  if (/^Firefox\b/i.test(creator)) return 'firefox-devtools';
  if (/^Playwright\b/i.test(creator)) return 'playwright';
  return 'other';
}

/** `pages[].id` to the origin of the page, where its title is a URL (Chrome titles a page with its URL). */
export function pageOrigins(pages: unknown): Map<string, string> {
  const urls = new Map<string, string>();
  if (!Array.isArray(pages)) return urls;
  for (const page of pages as unknown[]) {
    if (typeof page !== 'object' || page === null) continue;
    const { id, title } = page as Fields<Page>;
    if (typeof id !== 'string' || typeof title !== 'string' || !/^https?:\/\//i.test(title)) continue;
    try {
      urls.set(id, new URL(title).origin);
    } catch {
      // A title that only looks like a URL says nothing.
    }
  }
  return urls;
}

/**
 * Whose rules the core applies to the file: Firefox's when `log.browser` (or, without it,
 * `log.creator`) names Firefox, Chromium's otherwise (Chrome's export, Playwright's, other tools).
 */
export function browserOf(browser: string | null, creator: string | null): Browser {
  return /^firefox\b/i.test(browser ?? creator ?? '') ? 'firefox' : 'chromium';
}
