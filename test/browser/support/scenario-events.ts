/**
 * What the webRequest fixture recorders (record-chrome-fixtures.ts, record-firefox-fixtures.ts)
 * share: which recorded events belong to a scenario, and the move from the playground's ports to
 * the fixtures' fixed origins.
 */
import { rebaseString } from '../../conformance/rebase-origins';
import { fixtureOrigins } from '../../fixtures/web-request/web-request-fixture';
import type { Playground } from '../../playground/server';
import type { RecordedEvent } from './record-web-request';

/** Scenario traffic (`/api/`, `/same-origin/`) and navigations; the page's own scripts and styles are left out. */
export function isScenarioEvent({ details }: RecordedEvent): boolean {
  if (details['type'] === 'main_frame') return true;
  const url = details['url'];
  if (typeof url !== 'string') return false;
  const path = new URL(url).pathname;
  return path.startsWith('/api/') || path.startsWith('/same-origin/');
}

/** Rewrites the playground's `host:port`s to the fixtures' (127.0.0.1:8080 and :8081). */
export function toFixtureOrigins(playground: Pick<Playground, 'pageOrigin' | 'apiOrigin'>): (text: string) => string {
  const recorded = { page: playground.pageOrigin, api: playground.apiOrigin };
  return (text) => rebaseString(text, recorded, fixtureOrigins);
}
