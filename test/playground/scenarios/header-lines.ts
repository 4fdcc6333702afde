import { REQUEST_ORIGIN, type Answer, type HeaderLine } from '../scenario-types';

/** Header lines the catalogue uses again and again, named for what they say. */

/** `Access-Control-Allow-Origin` echoing the request's Origin. */
export const allowRequestOrigin: HeaderLine = ['Access-Control-Allow-Origin', REQUEST_ORIGIN];
export const allowAnyOrigin: HeaderLine = ['Access-Control-Allow-Origin', '*'];
export const allowCredentials: HeaderLine = ['Access-Control-Allow-Credentials', 'true'];
export const varyOrigin: HeaderLine = ['Vary', 'Origin'];

/** An origin that is never the page's. */
export const otherOrigin = 'https://app.example.com';

export function allowMethods(value: string): HeaderLine {
  return ['Access-Control-Allow-Methods', value];
}

export function allowHeaders(value: string): HeaderLine {
  return ['Access-Control-Allow-Headers', value];
}

export function maxAge(seconds: number): HeaderLine {
  return ['Access-Control-Max-Age', String(seconds)];
}

/** A response that passes the CORS check for any origin that asks. */
export const corsOk: Answer = { status: 200, headers: [allowRequestOrigin, varyOrigin] };

/** A response without any Access-Control-* header. */
export const plainOk: Answer = { status: 200, headers: [] };

/** A preflight that allows `method` (and `headers`, when given) for the requesting origin. */
export function preflightAllowing(method: string, headers?: string): Answer {
  return {
    status: 204,
    headers: [
      allowRequestOrigin,
      allowMethods(method),
      ...(headers === undefined ? [] : [allowHeaders(headers)]),
      varyOrigin,
    ],
  };
}

export const jsonContentType: HeaderLine = ['Content-Type', 'application/json'];
export const jsonBody = '{"hello":"playground"}';
