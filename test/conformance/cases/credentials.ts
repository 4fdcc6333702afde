/**
 * Credentials mode x Access-Control-Allow-Origin (`*` or exact) x Access-Control-Allow-Credentials.
 * With "include" the origin must be exact and ACAC exactly `true`; otherwise ACAC is ignored.
 * @see https://fetch.spec.whatwg.org/#cors-protocol-and-credentials
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 */
import { answer, chk, h, PAGE_ORIGIN, type CaseResponse, type Credentials, type CorsCase } from './case';

const CHECK = 'fetch.bs#concept-cors-check (steps 3-7); chromium services/network/public/cpp/cors/cors.cc:CheckAccess; chromium cors_unittest.cc:CheckAccessDetectsWildcardOriginNotAllowed, CheckAccessDetectsInvalidAllowCredential';

const modes: readonly Credentials[] = ['omit', 'same-origin', 'include'];
const origins: ReadonlyArray<readonly [string, string]> = [['star', '*'], ['exact', PAGE_ORIGIN]];
/** [slug, ACAC lines]. */
const acacForms: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['missing', []],
  ['true', ['true']],
  ['TRUE', ['TRUE']],
  ['false', ['false']],
  ['true-whitespace', [' true ']],
  ['two-lines-true', ['true', 'true']],
];

function lines(acao: string, acac: readonly string[]): ReadonlyArray<readonly [string, string]> {
  return [h('Access-Control-Allow-Origin', acao), ...acac.map((v) => h('Access-Control-Allow-Credentials', v))];
}

/** The simple-request matrix: 3 modes x 2 origins x 6 ACAC forms. */
const simpleMatrix: readonly CorsCase[] = modes.flatMap((mode) =>
  origins.flatMap(([originSlug, acao]) =>
    acacForms.map(([acacSlug, acac]) =>
      chk(`cred-${mode}-acao-${originSlug}-acac-${acacSlug.toLowerCase() === acacSlug ? acacSlug : 'uppercase-true'}`, CHECK, {
        credentials: mode,
        response: answer(200, ...lines(acao, acac)),
      }),
    ),
  ),
);

const goodCredentialedResponse: CaseResponse = answer(200, ...lines(PAGE_ORIGIN, ['true']));

/** The preflight with credentials "include": the same checks on the OPTIONS answer. */
const preflightMatrix: readonly CorsCase[] = origins.flatMap(([originSlug, acao]) =>
  acacForms.slice(0, 4).map(([acacSlug, acac]) =>
    chk(
      `pf-include-acao-${originSlug}-acac-${acacSlug.toLowerCase() === acacSlug ? acacSlug : 'uppercase-true'}`,
      `fetch.bs#cors-preflight-fetch-0; ${CHECK}; chromium services/network/cors/preflight_controller.cc:CheckPreflightAccess (errors mapped to Preflight*)`,
      {
        method: 'PUT',
        credentials: 'include',
        preflight: answer(204, ...lines(acao, acac), h('Access-Control-Allow-Methods', 'PUT')),
        response: goodCredentialedResponse,
      },
    ),
  ),
);

export const credentialsCases: readonly CorsCase[] = [
  ...simpleMatrix,
  ...preflightMatrix,
  chk('pf-include-acac-missing', 'fetch.bs#cors-preflight-fetch-0; chromium services/network/cors/preflight_controller.cc:CheckPreflightAccess (CORS check first, then ok-status; errors mapped to Preflight*)', {
    method: 'PUT',
    credentials: 'include',
    preflight: answer(204, h('Access-Control-Allow-Origin', PAGE_ORIGIN), h('Access-Control-Allow-Methods', 'PUT')),
  }),
  chk('pf-include-ok-actual-acac-missing', `${CHECK} (the actual response is checked again)`, {
    method: 'PUT',
    credentials: 'include',
    preflight: answer(204, ...lines(PAGE_ORIGIN, ['true']), h('Access-Control-Allow-Methods', 'PUT')),
    response: answer(200, h('Access-Control-Allow-Origin', PAGE_ORIGIN)),
  }),
  chk('pf-include-ok-actual-acao-star', `${CHECK} (the actual response is checked again)`, {
    method: 'PUT',
    credentials: 'include',
    preflight: answer(204, ...lines(PAGE_ORIGIN, ['true']), h('Access-Control-Allow-Methods', 'PUT')),
    response: answer(200, ...lines('*', ['true'])),
  }),
  chk('pf-omit-acao-star-acac-false', `${CHECK} (ACAC is ignored without credentials)`, {
    method: 'PUT',
    credentials: 'omit',
    preflight: answer(204, ...lines('*', ['false']), h('Access-Control-Allow-Methods', 'PUT')),
    response: answer(200, ...lines('*', ['false'])),
  }),
];
