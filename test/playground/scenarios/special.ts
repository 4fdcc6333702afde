import { PIXEL_PNG, type Scenario } from '../scenario-types';
import {
  allowMethods,
  allowRequestOrigin,
  corsOk,
  jsonBody,
  maxAge,
  plainOk,
  preflightAllowing,
  varyOrigin,
} from './header-lines';

const png = ['Content-Type', 'image/png'] as const;

/** Cases that test pairing and mode detection rather than a single header. */
export const special = [
  {
    name: 'parallel-preflights',
    title: '5 identical PUTs in parallel',
    description: 'Five identical PUTs at once whose preflight says Access-Control-Max-Age: 0 send five preflights, interleaved with the requests; all resolve with 200.',
    group: 'special',
    path: '/api/parallel-preflights',
    request: { kind: 'fetch', method: 'PUT', body: jsonBody, repeat: { count: 5, parallel: true } },
    // Max-Age 0: without it, a preflight that ends before the last PUT starts fills the cache
    // (5 s by default) and that PUT goes without one.
    preflight: { status: 204, headers: [allowRequestOrigin, allowMethods('PUT'), maxAge(0), varyOrigin] },
    response: corsOk,
    expected: { ok: true, status: 200, preflights: 5 },
  },
  {
    name: 'preflight-cache-hit',
    title: 'Preflight cache hit',
    description: 'Two PUTs one after the other: the preflight says Access-Control-Max-Age: 60, so only the first is preflighted; both resolve with 200.',
    group: 'special',
    path: '/api/preflight-cache-hit',
    request: { kind: 'fetch', method: 'PUT', body: jsonBody, repeat: { count: 2, parallel: false } },
    preflight: { status: 204, headers: [allowRequestOrigin, allowMethods('PUT'), maxAge(60), varyOrigin] },
    response: corsOk,
    expected: { ok: true, status: 200, preflights: 1 },
  },
  {
    name: 'redirect-307-actual',
    title: 'PUT redirected with 307',
    description: 'The preflighted PUT is answered 307 to another path, which gets a preflight of its own; it resolves with 200 from the new path.',
    group: 'special',
    path: '/api/redirect-307-actual',
    request: { kind: 'fetch', method: 'PUT', body: jsonBody },
    preflight: preflightAllowing('PUT'),
    response: {
      status: 307,
      headers: [['Location', '/api/redirect-307-actual/moved'], allowRequestOrigin, varyOrigin],
    },
    redirectTarget: { path: '/api/redirect-307-actual/moved', preflight: preflightAllowing('PUT'), response: corsOk },
    expected: { ok: true, status: 200, preflights: 2 },
  },
  {
    name: 'image-no-cors',
    title: '<img> without crossorigin',
    description: 'A cross-origin <img> without crossorigin is a no-cors load with no CORS check: it loads without any CORS header and is never a CORS failure.',
    group: 'special',
    path: '/api/image-no-cors',
    request: { kind: 'image' },
    response: { status: 200, headers: [png], body: PIXEL_PNG },
    expected: { ok: true, preflights: 0 },
  },
  {
    name: 'image-crossorigin',
    title: '<img crossorigin> allowed',
    description: 'An <img crossorigin> is a CORS request; the image allows the origin, so it loads.',
    group: 'special',
    path: '/api/image-crossorigin',
    request: { kind: 'image-crossorigin' },
    response: { status: 200, headers: [png, allowRequestOrigin, varyOrigin], body: PIXEL_PNG },
    expected: { ok: true, preflights: 0 },
  },
  {
    name: 'no-cors-fetch',
    title: "fetch with mode: 'no-cors'",
    description: "A mode: 'no-cors' fetch skips the CORS check and resolves with an opaque response (status 0) although no CORS header is sent.",
    group: 'special',
    path: '/api/no-cors-fetch',
    request: { kind: 'no-cors-fetch' },
    response: plainOk,
    expected: { ok: true, status: 0, preflights: 0 },
  },
  {
    name: 'same-origin-fetch',
    title: 'Same-origin fetch',
    description: 'A fetch from the page to its own origin is not cross-origin: no CORS check, it resolves with 200.',
    group: 'special',
    path: '/same-origin/same-origin-fetch',
    request: { kind: 'same-origin-fetch' },
    response: plainOk,
    expected: { ok: true, status: 200, preflights: 0 },
  },
] as const satisfies readonly Scenario[];
