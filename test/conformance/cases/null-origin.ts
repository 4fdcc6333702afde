/**
 * Requests from an opaque origin (a sandboxed iframe): `Origin: null`, and only `null` or `*`
 * in Access-Control-Allow-Origin let them through.
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 * @see https://html.spec.whatwg.org/multipage/browsers.html#sandboxed-origin-browsing-context-flag
 */
import { ACAO_PAGE, answer, chk, cls, h, type CorsCase } from './case';

const NULL_CHECK = "fetch.bs#concept-cors-check (serialized opaque origin is 'null'); chromium cors_unittest.cc:CheckAccessDetectsAllowOriginMismatch (Allow \"null\" value to match serialized unique origins)";
const acaoNull = h('Access-Control-Allow-Origin', 'null');
const from = 'sandboxed-frame' as const;

export const nullOriginCases: readonly CorsCase[] = [
  cls('null-origin-put', 'fetch.bs#cors-safelisted-method (same classification from an opaque origin)', { from, method: 'PUT' }),
  cls('null-origin-get-to-page-origin', 'fetch.bs#concept-request-origin (an opaque origin is cross-origin even to its own server)', { from, to: 'page' }),
  chk('null-origin-acao-null', NULL_CHECK, { from, response: answer(200, acaoNull) }),
  chk('null-origin-acao-star', NULL_CHECK, { from, response: answer(200, h('Access-Control-Allow-Origin', '*')) }),
  chk('null-origin-acao-page-origin', NULL_CHECK, { from, response: answer(200, ACAO_PAGE) }),
  chk('null-origin-acao-missing', NULL_CHECK, { from, response: answer(200) }),
  chk('null-origin-acao-null-include', `${NULL_CHECK}; fetch.bs#cors-protocol-and-credentials`, {
    from, credentials: 'include', response: answer(200, acaoNull, h('Access-Control-Allow-Credentials', 'true')),
  }),
  chk('null-origin-pf-acao-null', `fetch.bs#cors-preflight-fetch-0; ${NULL_CHECK}`, {
    from, method: 'PUT',
    preflight: answer(204, acaoNull, h('Access-Control-Allow-Methods', 'PUT')),
    response: answer(200, acaoNull),
  }),
  chk('null-origin-pf-acao-page-origin', `fetch.bs#cors-preflight-fetch-0; ${NULL_CHECK}`, {
    from, method: 'PUT',
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Methods', 'PUT')),
    response: answer(200, acaoNull),
  }),
];
