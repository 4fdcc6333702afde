/**
 * Header lists as the network stack reports them: ordered, repeats allowed, names as sent.
 * @see https://fetch.spec.whatwg.org/#concept-header-list
 */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** The value of the first header named `name` (case-insensitive), or `undefined`. */
export function getHeader(headers: HeaderList, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of headers) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Whether any header is named `name` (case-insensitive). */
export function hasHeader(headers: HeaderList, name: string): boolean {
  return getHeader(headers, name) !== undefined;
}

/**
 * Parses a comma-separated header list value (Access-Control-Request-Headers and friends)
 * into its lowercased, trimmed, non-empty items.
 */
export function splitHeaderNames(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names: string[] = [];
  for (const item of value.split(',')) {
    const name = item.trim().toLowerCase();
    if (name !== '') names.push(name);
  }
  return names;
}
