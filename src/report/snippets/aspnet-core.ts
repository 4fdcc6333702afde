import { allowedMethods, type CorsNeeds } from '../cors-needs';
import { list, quoted, type ServerSnippet } from './snippet';

/**
 * ASP.NET Core: a named policy with AddCors and UseCors. Its CorsService sends Vary: Origin only
 * when a policy lists several origins, so a one-origin policy gets it from a line of middleware.
 * @see https://learn.microsoft.com/aspnet/core/security/cors
 */
export function aspnetCoreSnippet(needs: CorsNeeds): ServerSnippet {
  const policy = [`policy.WithOrigins(${quoted(needs.origin)})`, `.WithMethods(${list(allowedMethods(needs))})`];
  if (needs.requestHeaders.length > 0) policy.push(`.WithHeaders(${list(needs.requestHeaders)})`);
  if (needs.credentials) policy.push('.AllowCredentials()');
  if (needs.maxAge !== null) policy.push(`.SetPreflightMaxAge(TimeSpan.FromSeconds(${needs.maxAge}))`);
  const code = [
    'builder.Services.AddCors(options =>',
    '    options.AddPolicy("CorsDevToolsFix", policy =>',
    `        ${policy.join('\n            ')}));`,
    '',
    'var app = builder.Build();',
    '// One named origin: ASP.NET Core leaves out Vary: Origin, which shared caches need.',
    'app.Use(async (context, next) => { context.Response.Headers.Append("Vary", "Origin"); await next(); });',
    '// After UseRouting, before UseAuthentication and UseAuthorization.',
    'app.UseCors("CorsDevToolsFix");',
  ].join('\n');
  return { server: 'aspnet-core', title: 'ASP.NET Core (AddCors policy)', language: 'csharp', code };
}
