/**
 * What the panel says of a Firefox verdict, in the words it uses there
 * (`src/panel/detail/what-failed.tsx`), for the Markdown and text reports: Firefox's console
 * reason key and its parameter, and the verdict had the request been sent with credentials.
 * Each report quotes in its own way; the sentences are these.
 */
import type { CorsVerdict } from '../cors/index';
import { firefoxConsoleReason } from './firefox-console-reasons';

/** How a report writes a quoted value, a run of free text, and a link. */
export interface Quoting {
  readonly code: (value: string) => string;
  readonly text: (text: string) => string;
  readonly link: (label: string, url: string) => string;
}

/** Plain text: values and texts as they are, a link as its address. */
export const plainQuoting: Quoting = {
  code: (value) => value,
  text: (text) => text,
  link: (label, url) => `${label}: ${url}`,
};

/** MDN's page for a Firefox reason key (the key without its trailing version digit); null for anything but a key. */
export function mdnPageOf(reason: string): string | null {
  return /^CORS[A-Za-z0-9]+$/.test(reason) ? `https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/${reason.replace(/\d+$/, '')}` : null;
}

/**
 * "Firefox's console calls it `CORSMissingAllowOrigin2`: (Reason: CORS header ‘Access-Control-Allow-Origin’
 * missing). Status code: 200. MDN" (its key and the words of its console line), or null when the
 * verdict names no Firefox reason.
 */
export function firefoxReasonWords(verdict: CorsVerdict, q: Quoting): string | null {
  if (verdict.firefoxReason === null) return null;
  const mdn = mdnPageOf(verdict.firefoxReason);
  return `Firefox's console calls it ${q.code(verdict.firefoxReason)}${consoleWords(verdict, q)}${mdn === null ? '' : ` ${q.link('MDN', mdn)}`}`;
}

/** ": <the console line's reason words>", or " (`parameter`)." for a key whose words are not known. */
function consoleWords(verdict: CorsVerdict, q: Quoting): string {
  const said = verdict.firefoxReason === null ? null : firefoxConsoleReason(verdict.firefoxReason, verdict.firefoxParameter);
  if (said !== null) return `: ${q.text(said)}`;
  return `${verdict.firefoxParameter === null ? '' : ` (${q.code(verdict.firefoxParameter)})`}.`;
}

/**
 * The second verdict Firefox gets (`Diagnosis.ifCredentialsIncluded`): the request passed under
 * fetch()'s default credentials mode, and fails had it been sent with credentials.
 */
export function ifCredentialsIncludedWords(withCredentials: CorsVerdict, q: Quoting): string {
  const name = withCredentials.firefoxReason ?? withCredentials.error ?? 'blocked';
  return [
    `If it was sent with credentials (${q.code("credentials: 'include'")}), Firefox blocked it: ${q.code(name)}.`,
    q.text(withCredentials.explanation),
    q.text('Firefox ends a blocked simple request like any other and the credentials mode is not recorded, so only the page knows which.'),
  ].join(' ');
}
