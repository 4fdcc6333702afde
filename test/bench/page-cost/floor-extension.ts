import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListenerPlan } from './listener-plan';

export interface FloorExtension {
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * Writes an unpacked MV3 extension that registers `plan`'s listeners and does nothing in them:
 * what observing costs the browser before any of our code runs. With `probeReportUrl`, the
 * listeners instead note which events they saw (for the visibility probe) and post the tally there
 * when they see the page's `/probe-done` request.
 */
export async function writeFloorExtension(name: string, plan: ListenerPlan, probeReportUrl?: string): Promise<FloorExtension> {
  const dir = await mkdtemp(join(tmpdir(), `cors-bench-${name}-`));
  const manifest = {
    manifest_version: 3,
    name: `CORS bench ${name}`,
    version: '1.0.0',
    permissions: ['webRequest'],
    host_permissions: ['http://*/*', 'https://*/*'],
    background: { service_worker: 'background.js' },
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'background.js'), probeReportUrl === undefined ? emptyBackground(plan) : probeBackground(plan, probeReportUrl));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function filterOf(spec: ListenerPlan[number]): string {
  return JSON.stringify(spec.types === undefined ? { urls: spec.urls } : { urls: spec.urls, types: spec.types });
}

function emptyBackground(plan: ListenerPlan): string {
  const lines = plan.map((spec) => `chrome.webRequest.${spec.event}.addListener(() => {}, ${filterOf(spec)}, ${JSON.stringify(spec.extraInfoSpec)});`);
  return `// Registered at top level, as the real background does; each listener does nothing.\n${lines.join('\n')}\n`;
}

function probeBackground(plan: ListenerPlan, reportUrl: string): string {
  const lines = plan.map(
    (spec) => `chrome.webRequest.${spec.event}.addListener((d) => note(${JSON.stringify(spec.event)}, d), ${filterOf(spec)}, ${JSON.stringify(spec.extraInfoSpec)});`,
  );
  const hasSendHeaders = plan.some((spec) => spec.event === 'onSendHeaders');
  return `// Notes which events arrive for the probe's requests, with how many headers.
let seen = {};
const PLAN_HAS_SEND_HEADERS = ${hasSendHeaders};
function note(event, d) {
  if (d.tabId < 0 || !d.url.includes('/probe-')) return;
  const path = new URL(d.url).pathname.slice(1);
  if (path === 'probe-done') {
    if (event === 'onSendHeaders' || (event === 'onBeforeRequest' && !PLAN_HAS_SEND_HEADERS)) {
      fetch(${JSON.stringify(reportUrl)}, { method: 'POST', body: JSON.stringify(seen) });
      seen = {};
    }
    return;
  }
  const headers = d.requestHeaders ?? d.responseHeaders;
  const origin = (d.requestHeaders ?? []).some((h) => h.name.toLowerCase() === 'origin');
  seen[event + ' ' + d.method + ' ' + path] = { headers: headers === undefined ? null : headers.length, origin };
}
${lines.join('\n')}
`;
}
