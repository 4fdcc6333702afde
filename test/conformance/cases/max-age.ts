/**
 * Access-Control-Max-Age forms. Max-age only decides how long the preflight result is cached: no
 * value makes the preflight fail. Each case runs one fetch() on its own URL, so what is observed is
 * that the request passes, not the cache lifetime (see docs/conformance.md).
 * @see https://fetch.spec.whatwg.org/#http-access-control-max-age
 * @see https://fetch.spec.whatwg.org/#cors-preflight-cache
 */
import { ACAO_PAGE, answer, chk, h, type CorsCase } from './case';

const MAX_AGE = 'fetch.bs#cors-preflight-fetch-0 (max-age failure or null -> 5); fetch.bs#cors-preflight-cache; chromium services/network/cors/preflight_result.cc:ParseAccessControlMaxAge (unparsable -> default 5s, no error; capped at 2 h; negative -> not cached)';

/** [slug, Max-Age lines]. */
const forms: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['invalid-ignored', ['abc']],
  ['zero', ['0']],
  ['five', ['5']],
  ['ten-minutes', ['600']],
  ['two-hours-cap', ['7200']],
  ['one-day-over-chromium-cap', ['86400']],
  ['negative', ['-1']],
  ['empty', ['']],
  ['decimal', ['1.5']],
  ['whitespace', ['  60  ']],
  ['list', ['60, 60']],
  ['two-lines', ['60', '120']],
  ['huge', ['99999999999999999999']],
  ['plus-sign', ['+60']],
];

export const maxAgeCases: readonly CorsCase[] = forms.map(([slug, values]) =>
  chk(`max-age-${slug}`, MAX_AGE, {
    method: 'PUT',
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Methods', 'PUT'), ...values.map((v) => h('Access-Control-Max-Age', v))),
    response: answer(200, ACAO_PAGE),
  }),
);
