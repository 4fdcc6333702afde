import type { CorsNeeds } from '../cors-needs';
import type { ServerSnippet } from './snippet';

/**
 * nginx: answer the preflight with 204 and add the headers to every response, errors included
 * (`always`). An `add_header` in a block replaces the ones inherited from outer blocks.
 * @see https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header
 */
export function nginxSnippet(needs: CorsNeeds): ServerSnippet {
  const access = [`add_header Access-Control-Allow-Origin "${needs.origin}" always;`];
  if (needs.credentials) access.push('add_header Access-Control-Allow-Credentials "true" always;');
  access.push('add_header Vary Origin always;');
  const lines = [`location = ${needs.path} {`];
  if (needs.preflight) {
    const preflight = [...access];
    if (needs.methods.length > 0) preflight.push(`add_header Access-Control-Allow-Methods "${needs.methods.join(', ')}" always;`);
    if (needs.requestHeaders.length > 0) preflight.push(`add_header Access-Control-Allow-Headers "${needs.requestHeaders.join(', ')}" always;`);
    if (needs.maxAge !== null) preflight.push(`add_header Access-Control-Max-Age ${needs.maxAge} always;`);
    lines.push('    # The preflight: answered here, before any authentication.', '    if ($request_method = OPTIONS) {', ...preflight.map((l) => `        ${l}`), '        return 204;', '    }');
  }
  lines.push(...access.map((l) => `    ${l}`), '    # ... your proxy_pass or root, as before', '}');
  return { server: 'nginx', title: 'nginx', language: 'nginx', code: lines.join('\n') };
}
