import type { Exchange } from '../capture/exchange';

/**
 * Whether a value has the shape of an {@link Exchange} in the fields the panel reads. One exchange
 * that lacks them would throw in every later render of the list and blank the panel, so each is
 * checked where it enters: the panel, for what the background sends, and a restarted background,
 * for what it reads back from storage (persisted-state.ts), which it would otherwise list and send.
 * Only field types, no deep walk: a panel receives thousands of exchanges, and header lists are
 * checked as arrays, not entry by entry.
 */
export function isExchangeShape(value: unknown): value is Exchange {
  if (!isRecord(value)) return false;
  return typeof value['id'] === 'string'
    && typeof value['tabId'] === 'number'
    && typeof value['method'] === 'string'
    && typeof value['url'] === 'string'
    && (value['state'] === 'pending' || value['state'] === 'complete' || value['state'] === 'failed')
    && typeof value['startTime'] === 'number'
    && isNumberOrNull(value['endTime'])
    && isStringOrNull(value['error'])
    && (value['requestHeaders'] === null || Array.isArray(value['requestHeaders']))
    && isResponseOrNull(value['response'])
    && Array.isArray(value['redirects'])
    && isArrayOf(value['preflights'], isPreflightShape)
    && (value['preflightCache'] === null || isRecord(value['preflightCache']))
    && isDiagnosisOrNull(value['diagnosis']);
}

/** A preflight record: what the panel shows of it, and what the pairing weighs it by once restored. */
export function isPreflightShape(value: unknown): boolean {
  return isRecord(value)
    && typeof value['requestId'] === 'string'
    && typeof value['url'] === 'string'
    && typeof value['accessControlRequestMethod'] === 'string'
    && Array.isArray(value['accessControlRequestHeaders'])
    && typeof value['startTime'] === 'number'
    && isNumberOrNull(value['endTime'])
    && Array.isArray(value['requestHeaders'])
    && isResponseOrNull(value['response']);
}

function isResponseOrNull(value: unknown): boolean {
  return value === null || (isRecord(value) && typeof value['status'] === 'number' && Array.isArray(value['headers']));
}

/** The list reads the verdict, the credentials' source and the classification's preflight and headers. */
function isDiagnosisOrNull(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  const { verdict, credentials, classification } = value;
  return isRecord(verdict)
    && (verdict['ok'] === true || verdict['ok'] === false || verdict['ok'] === null)
    && Array.isArray(verdict['missing'])
    && isRecord(credentials)
    && isRecord(classification)
    && Array.isArray(classification['requestHeaders']);
}

function isArrayOf(value: unknown, isItem: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(isItem);
}

/** An object with named fields: not `null`, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumberOrNull(value: unknown): boolean {
  return value === null || typeof value === 'number';
}

function isStringOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}
