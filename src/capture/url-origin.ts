/**
 * The serialized origin of a URL (`scheme://host[:port]`), or `null` when it does not parse,
 * as the Fetch standard serializes origins for the `Origin` header.
 * @see https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
 *
 * The pairing engine asks this for every request, and `new URL()` was its largest single cost
 * (about 1 us a request). An http(s) URL's origin depends only on its scheme and authority, so
 * the answer is remembered by that prefix, which a page's requests share.
 */
export function originOf(url: string): string {
  const end = authorityEnd(url);
  if (end < 0) return parseOrigin(url);
  const head = url.slice(0, end);
  let origin = originsByHead.get(head);
  if (origin === undefined) {
    origin = parseOrigin(`${head}/`);
    if (originsByHead.size >= MAX_REMEMBERED) originsByHead.clear();
    originsByHead.set(head, origin);
  }
  return origin;
}

const MAX_REMEMBERED = 256;
const originsByHead = new Map<string, string>();

function parseOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

/**
 * Where the authority of an `http://` or `https://` URL ends: at the first `/`, `\`, `?` or `#`,
 * as the URL parser's authority state ends (everything after it, the path, query and fragment,
 * cannot change the origin or make parsing fail). -1 sends the URL to the full parser: no such
 * end, or anything the parser treats specially before it: extra slashes after `//` (skipped), and
 * tabs, newlines, spaces and controls (removed or trimmed).
 * @see https://url.spec.whatwg.org/#authority-state
 */
function authorityEnd(url: string): number {
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (start < 0) return -1;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2f /* / */ || c === 0x5c /* \ */) return i === start ? -1 : i;
    if (c === 0x3f /* ? */ || c === 0x23 /* # */) return i;
    if (c <= 0x20 || c === 0x7f) return -1;
  }
  return -1;
}
