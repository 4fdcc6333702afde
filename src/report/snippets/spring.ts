import { allowedMethods, type CorsNeeds } from '../cors-needs';
import { list, quoted, type ServerSnippet } from './snippet';

/** The constants of org.springframework.web.bind.annotation.RequestMethod. */
const requestMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']);

/**
 * Spring (Web MVC): a CorsFilter over a CorsConfiguration for the path. Spring checks the method
 * of actual requests too, so GET, HEAD and POST stay listed; it adds Vary: Origin itself.
 * @see https://docs.spring.io/spring-framework/reference/web/webmvc-cors.html
 */
export function springSnippet(needs: CorsNeeds): ServerSnippet {
  const lines = [
    '@Configuration',
    'public class CorsConfig {',
    '    @Bean',
    '    public CorsFilter corsFilter() {',
    '        CorsConfiguration config = new CorsConfiguration();',
    `        config.setAllowedOrigins(List.of(${quoted(needs.origin)}));`,
    `        config.setAllowedMethods(List.of(${list(allowedMethods(needs))}));`,
  ];
  if (needs.requestHeaders.length > 0) lines.push(`        config.setAllowedHeaders(List.of(${list(needs.requestHeaders)}));`);
  if (needs.credentials) lines.push('        config.setAllowCredentials(true);');
  if (needs.maxAge !== null) lines.push(`        config.setMaxAge(${needs.maxAge}L);`);
  lines.push(
    '        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    `        source.registerCorsConfiguration(${quoted(needs.path)}, config);`,
    '        return new CorsFilter(source);',
    '    }',
    '}',
    '// With Spring Security, expose the source as a CorsConfigurationSource bean instead and call',
    '// http.cors(Customizer.withDefaults()), so preflights pass before authentication.',
  );
  if (needs.methods.every((m) => requestMethods.has(m))) {
    const attributes = [`origins = ${quoted(needs.origin)}`];
    if (needs.methods.length > 0) attributes.push(`methods = {${needs.methods.map((m) => `RequestMethod.${m}`).join(', ')}}`);
    if (needs.requestHeaders.length > 0) attributes.push(`allowedHeaders = {${list(needs.requestHeaders)}}`);
    if (needs.credentials) attributes.push('allowCredentials = "true"');
    if (needs.maxAge !== null) attributes.push(`maxAge = ${needs.maxAge}`);
    lines.push('// Or on the controller method:', `// @CrossOrigin(${attributes.join(', ')})`);
  }
  return { server: 'spring', title: 'Spring (CorsConfiguration / @CrossOrigin)', language: 'java', code: lines.join('\n') };
}
