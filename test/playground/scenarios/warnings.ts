import type { Scenario } from '../scenario-types';
import { allowHeaders, allowMethods, allowRequestOrigin, corsOk, jsonBody, preflightAllowing, varyOrigin } from './header-lines';

/** Requests that pass today but deserve a warning. */
export const warnings = [
  {
    name: 'allow-headers-wildcard-authorization',
    title: 'Allow-Headers: * with Authorization',
    description: 'Access-Control-Allow-Headers: * should not cover Authorization (Fetch standard), yet Chromium lets it pass: resolves with 200.',
    group: 'warnings',
    path: '/api/allow-headers-wildcard-authorization',
    request: { kind: 'fetch', method: 'GET', headers: [['Authorization', 'Bearer playground-token']] },
    preflight: { status: 204, headers: [allowRequestOrigin, allowMethods('GET'), allowHeaders('*'), varyOrigin] },
    response: corsOk,
    expected: { ok: true, status: 200, preflights: 1 },
  },
  {
    name: 'missing-vary-origin',
    title: 'Specific Allow-Origin without Vary',
    description: 'The response echoes the origin without Vary: Origin, so a shared cache may serve it to another origin; it resolves with 200.',
    group: 'warnings',
    path: '/api/missing-vary-origin',
    request: { kind: 'fetch', method: 'GET' },
    response: { status: 200, headers: [allowRequestOrigin, ['Cache-Control', 'public, max-age=60']] },
    expected: { ok: true, status: 200, preflights: 0 },
  },
  {
    name: 'preflight-max-age-missing',
    title: 'Preflight without Max-Age',
    description: 'The preflight passes but has no Access-Control-Max-Age, so Chromium caches it for 5 seconds only; it resolves with 200.',
    group: 'warnings',
    path: '/api/preflight-max-age-missing',
    request: { kind: 'fetch', method: 'PUT', body: jsonBody },
    preflight: preflightAllowing('PUT'),
    response: corsOk,
    expected: { ok: true, status: 200, preflights: 1 },
  },
] as const satisfies readonly Scenario[];
