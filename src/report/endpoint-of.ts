/** A URL's endpoint: its origin and path, query and fragment dropped. How the preflight views tell requests apart. */
export interface Endpoint {
  /** `origin + path`. */
  readonly endpoint: string;
  readonly origin: string;
  readonly path: string;
}

/** The URL's endpoint; never throws (a URL that does not parse is cut at its `?` or `#`, with no origin). */
export function endpointOf(url: string): Endpoint {
  try {
    const u = new URL(url);
    return { endpoint: `${u.origin}${u.pathname}`, origin: u.origin, path: u.pathname };
  } catch {
    const end = url.search(/[?#]/);
    const path = end < 0 ? url : url.slice(0, end);
    return { endpoint: path, origin: '', path };
  }
}
