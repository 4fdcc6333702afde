import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { Scenario } from './scenario-types';

/** What the page needs to know: where the API is and what to ask it. */
export interface PageConfig {
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  readonly scenarios: ReadonlyArray<Pick<Scenario, 'name' | 'title' | 'description' | 'group' | 'path' | 'request'>>;
}

const pageDirectory = new URL('./page/', import.meta.url);

/** The files of `page/`, served as they are (no bundler), by URL path. */
const assets: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  '/main.js': { file: 'main.js', type: 'text/javascript; charset=utf-8' },
  '/run-scenario.js': { file: 'run-scenario.js', type: 'text/javascript; charset=utf-8' },
  '/render.js': { file: 'render.js', type: 'text/javascript; charset=utf-8' },
};

export function pageConfig(pageOrigin: string, apiOrigin: string, scenarios: readonly Scenario[]): PageConfig {
  return {
    pageOrigin,
    apiOrigin,
    scenarios: scenarios.map(({ name, title, description, group, path, request }) => ({
      name,
      title,
      description,
      group,
      path,
      request,
    })),
  };
}

/** JSON that is safe inside a <script> element: no '<' can close it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/**
 * Serves a page asset for `path`, with the config injected into index.html. Resolves false
 * when `path` is not an asset.
 */
export async function servePageAsset(path: string, config: PageConfig, response: ServerResponse): Promise<boolean> {
  if (path === '/favicon.ico') {
    response.writeHead(204).end();
    return true;
  }
  const asset = assets[path];
  if (asset === undefined) return false;
  let text = await readFile(new URL(asset.file, pageDirectory), 'utf8');
  if (asset.file === 'index.html') text = text.replace('{{config}}', () => scriptSafeJson(config));
  response.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'no-store' });
  response.end(text);
  return true;
}
