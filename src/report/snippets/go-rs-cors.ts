import { allowedMethods, type CorsNeeds } from '../cors-needs';
import { list, quoted, type ServerSnippet } from './snippet';

/**
 * Go with github.com/rs/cors. It checks the method of actual requests too, so GET, HEAD and POST
 * stay listed; it adds Vary: Origin itself.
 * @see https://pkg.go.dev/github.com/rs/cors#Options
 */
export function goRsCorsSnippet(needs: CorsNeeds): ServerSnippet {
  const fields = [`AllowedOrigins: []string{${quoted(needs.origin)}},`, `AllowedMethods: []string{${list(allowedMethods(needs))}},`];
  if (needs.requestHeaders.length > 0) fields.push(`AllowedHeaders: []string{${list(needs.requestHeaders)}},`);
  if (needs.credentials) fields.push('AllowCredentials: true,');
  if (needs.maxAge !== null) fields.push(`MaxAge: ${needs.maxAge}, // seconds`);
  const code = [
    'import "github.com/rs/cors"',
    '',
    'c := cors.New(cors.Options{',
    ...fields.map((f) => `\t${f}`),
    '})',
    `// Wrap the handler that serves ${needs.path}, outside any authentication middleware.`,
    'handler := c.Handler(mux)',
  ].join('\n');
  return { server: 'go-rs-cors', title: 'Go (rs/cors)', language: 'go', code };
}
