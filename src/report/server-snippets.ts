/**
 * Ready-to-paste server configuration that makes one exchange pass: Express `cors`, nginx,
 * Fastify `@fastify/cors`, Django `django-cors-headers`, Spring, ASP.NET Core and Go `rs/cors`,
 * written from what the exchange needs (its origin, method, request headers, credentials and a
 * preflight max-age), echoing the one origin with `Vary: Origin`.
 */
import type { Exchange } from '../capture/exchange';
import { corsNeedsOf, type CorsNeeds } from './cors-needs';
import { aspnetCoreSnippet } from './snippets/aspnet-core';
import { djangoSnippet } from './snippets/django';
import { goRsCorsSnippet } from './snippets/go-rs-cors';
import { nginxSnippet } from './snippets/nginx';
import { expressSnippet, fastifySnippet } from './snippets/node';
import type { ServerSnippet, SnippetWriter } from './snippets/snippet';
import { springSnippet } from './snippets/spring';

export type { Server, ServerSnippet } from './snippets/snippet';
export { servers } from './snippets/snippet';

const writers: readonly SnippetWriter[] = [expressSnippet, nginxSnippet, fastifySnippet, djangoSnippet, springSnippet, aspnetCoreSnippet, goRsCorsSnippet];

/** The snippets for what `needs` describes, in the order of `servers`. */
export function snippetsFor(needs: CorsNeeds): ServerSnippet[] {
  return writers.map((write) => write(needs));
}

/** The snippets for one exchange; [] before it is diagnosed. Never throws. */
export function serverSnippets(exchange: Exchange): ServerSnippet[] {
  const needs = corsNeedsOf(exchange);
  return needs === null ? [] : snippetsFor(needs);
}
