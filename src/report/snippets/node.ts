import { allowedMethods, type CorsNeeds } from '../cors-needs';
import { list, quoted, type ServerSnippet } from './snippet';

function options(needs: CorsNeeds, originComment: string): string[] {
  const lines = [`  origin: [${quoted(needs.origin)}], // ${originComment}`];
  if (needs.preflight) {
    lines.push(`  methods: [${list(allowedMethods(needs))}],`);
    if (needs.requestHeaders.length > 0) lines.push(`  allowedHeaders: [${list(needs.requestHeaders)}],`);
  }
  if (needs.credentials) lines.push('  credentials: true,');
  if (needs.maxAge !== null) lines.push(`  maxAge: ${needs.maxAge}, // seconds the browser may cache the preflight (Chromium caps it at 7200)`);
  return lines;
}

/**
 * Express with the `cors` middleware: a list of origins is echoed back with Vary: Origin, and
 * the middleware answers the preflight itself.
 * @see https://github.com/expressjs/cors#configuration-options
 */
export function expressSnippet(needs: CorsNeeds): ServerSnippet {
  const code = [
    "import cors from 'cors';",
    '',
    '// Before your routes and any authentication: a preflight carries no cookies or Authorization.',
    `app.use(${quoted(needs.path)}, cors({`,
    ...options(needs, 'echoed back with Vary: Origin'),
    '}));',
  ].join('\n');
  return { server: 'express', title: 'Express (cors middleware)', language: 'javascript', code };
}

/**
 * Fastify with `@fastify/cors`. An array origin is echoed back with Vary: Origin; `methods`
 * replaces the default GET,HEAD,POST.
 * @see https://github.com/fastify/fastify-cors#options
 */
export function fastifySnippet(needs: CorsNeeds): ServerSnippet {
  const code = [
    "import cors from '@fastify/cors';",
    '',
    `// Applies to every route of this instance, ${needs.path} included; register it before them.`,
    'await fastify.register(cors, {',
    ...options(needs, 'echoed back with Vary: Origin'),
    '});',
  ].join('\n');
  return { server: 'fastify', title: 'Fastify (@fastify/cors)', language: 'javascript', code };
}
