import { MIMEType } from 'whatwg-mimetype';

/**
 * The three MIME type essences a safelisted `Content-Type` may have.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export const corsSafelistedContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const;
export type CorsSafelistedContentType = (typeof corsSafelistedContentTypes)[number];

const MAX_CACHE = 256;
const essenceCache = new Map<string, string | null>();

/**
 * The essence of a Content-Type value parsed as a MIME type (whatwg-mimetype implements the
 * WHATWG MIME Sniffing parser), or null when it does not parse. Memoized: pages send few
 * distinct Content-Type values.
 *
 * Chromium's own parse (net::ExtractMimeTypeFromMediaType: split the part before `;` on `/`,
 * trim the type's leading and the subtype's trailing whitespace, both must be tokens) gives the
 * same essence as the standard's parser for every value free of CORS-unsafe bytes, which is the
 * only case where the essence decides.
 * @see https://mimesniff.spec.whatwg.org/#parse-a-mime-type
 */
export function mimeTypeEssence(value: string): string | null {
  const hit = essenceCache.get(value);
  if (hit !== undefined) return hit;
  if (essenceCache.size >= MAX_CACHE) essenceCache.clear();
  const essence = MIMEType.parse(value)?.essence ?? null;
  essenceCache.set(value, essence);
  return essence;
}

export function isCorsSafelistedContentType(essence: string | null): essence is CorsSafelistedContentType {
  return essence === 'text/plain' || essence === 'application/x-www-form-urlencoded' || essence === 'multipart/form-data';
}
