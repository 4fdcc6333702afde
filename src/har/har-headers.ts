import type { Header } from 'har-format';
import type { HeaderList } from '../capture/header-list';

/** A HAR header array as a header list; returns how many items were not headers at all. */
export function readHarHeaders(raw: unknown): { readonly headers: HeaderList; readonly odd: number } {
  if (!Array.isArray(raw)) return { headers: [], odd: raw === undefined || raw === null ? 0 : 1 };
  const headers: Array<readonly [string, string]> = [];
  let odd = 0;
  for (const item of raw as unknown[]) {
    const name = typeof item === 'object' && item !== null ? (item as Record<keyof Header, unknown>).name : undefined;
    const value = typeof item === 'object' && item !== null ? (item as Record<keyof Header, unknown>).value : undefined;
    if (typeof name !== 'string' || name === '') {
      odd++;
      continue;
    }
    const text = headerValueText(value);
    if (text === undefined) odd++;
    else headers.push([name, text]);
  }
  return { headers, odd };
}

/** Header values are text; a number or boolean some tools write is read as its text, nothing else is. */
function headerValueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return '';
  return undefined;
}
