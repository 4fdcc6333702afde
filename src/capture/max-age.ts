/**
 * Access-Control-Max-Age as a number of seconds, or `null` when absent or not a delta-seconds
 * value (browsers then use their default: 5 s in Chromium and Firefox).
 * @see https://fetch.spec.whatwg.org/#http-access-control-max-age
 */
export function maxAgeOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (!/^-?\d{1,12}$/.test(trimmed)) return null;
  return Number(trimmed);
}
