import type { CorsNeeds } from '../cors-needs';

export const servers = ['express', 'nginx', 'fastify', 'django', 'spring', 'aspnet-core', 'go-rs-cors'] as const;
export type Server = (typeof servers)[number];

/** Ready-to-paste configuration for one server or library. */
export interface ServerSnippet {
  readonly server: Server;
  readonly title: string;
  /** For syntax highlighting: `javascript`, `nginx`, `python`, `java`, `csharp`, `go`. */
  readonly language: string;
  readonly code: string;
}

export type SnippetWriter = (needs: CorsNeeds) => ServerSnippet;

/**
 * A string literal for JavaScript, Python, Java, C# and Go alike. The values reaching here are
 * checked by `corsNeedsOf` (origins, tokens, paths), so this never has to escape.
 */
export function quoted(value: string): string {
  return `"${value}"`;
}

export function list(values: readonly string[]): string {
  return values.map(quoted).join(', ');
}
