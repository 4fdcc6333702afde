/**
 * The serialized origin of a URL (`scheme://host[:port]`), or `null` when it does not parse,
 * as the Fetch standard serializes origins for the `Origin` header.
 * @see https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
 */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}
