import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../playground/server';
import { corsRequestsIn } from '../playground/cors-requests';
import { scenarios } from '../playground/scenarios';
import type { ChromiumSession } from './support/chromium';
import { openCorsPanel, tabIdOf } from './support/cors-panel';
import type { DevToolsTargets, TargetHandle } from './support/devtools-panel';
import { openDevToolsOnPlayground, type DevToolsSession } from './support/devtools-session';
import { runAllScenarios, runScenario } from './support/playground-page';
import { saveScreenshot } from './support/screenshots';

/** Text of the filter button for `kind` ("Failed 31"). */
const kindText = (kind: string) => `document.querySelector('[data-kind=${kind}]')?.textContent ?? ''`;

/** The playground's scenarios that Chromium blocks with a CorsError (its own catalogue says so). */
const blockedScenarios = scenarios.filter((s) => 'corsError' in s.expected && s.expected.corsError !== undefined);

describe('the CORS panel in Chromium DevTools', () => {
  let devtools: DevToolsSession;
  let playground: Playground;
  let session: ChromiumSession;
  let targets: DevToolsTargets;
  let page: Page;
  let panel: TargetHandle;

  beforeAll(async () => {
    devtools = await openDevToolsOnPlayground();
    ({ playground, session, targets, page } = devtools);
    // Every scenario runs before the panel is opened: capture starts at install, not with DevTools.
    await runAllScenarios(page);
    panel = await openCorsPanel(session, targets);
  });

  afterAll(async () => {
    await devtools?.close();
  });

  it('lists the requests made before it was opened, with a count per filter', async () => {
    await panel.waitFor(`(${kindText('failed')}) === 'Failed ${blockedScenarios.length}'`);
    // One exchange per cross-origin CORS-mode request the catalogue makes; no-cors and same-origin ones are not listed.
    const corsRequests = corsRequestsIn(scenarios);
    expect(await panel.evaluate<string>(kindText('all'))).toBe(`All ${corsRequests}`);
  });

  it('shows a failure, what the server answered and the header that fixes it', async () => {
    await panel.evaluate(`(() => { const box = document.querySelector('input[type=search]'); box.value = 'method-not-allowed'; box.dispatchEvent(new Event('input', { bubbles: true })); })()`);
    await panel.waitFor(`document.querySelectorAll('[data-exchange-id]').length === 1`);
    await panel.evaluate(`document.querySelector('[data-exchange-id]').click()`);
    const failed = await panel.waitFor<string>(`document.querySelector('[aria-label="What failed"]')?.textContent`);
    expect(failed).toContain('MethodDisallowedByPreflightResponse');
    expect(failed).toContain('failed parameter: DELETE');
    expect(failed).toMatch(/Access-Control-Allow-Methods: GET, POST, DELETE/);
    const why = await panel.evaluate<string>(`document.querySelector('[aria-label="Why a preflight"]').textContent`);
    expect(why).toContain('DELETE is not a CORS-safelisted method');
    const shot = await saveScreenshot('panel-light.png', await (panel.devtools ?? panel).screenshot());
    expect((await readFile(shot)).length).toBeGreaterThan(10_000);
  });

  it('follows the DevTools theme (light here)', async () => {
    expect(await panel.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe('light');
  });

  it('pops out into a tab that exports Markdown and JSON, redacted unless asked', async () => {
    const tabId = await tabIdOf(session, playground.pageOrigin);
    const popout = await session.context.newPage();
    await popout.goto(`chrome-extension://${session.extensionId}/extension/panel/panel.html?tabId=${tabId}`);
    await popout.locator('[data-kind=failed]', { hasText: `Failed ${blockedScenarios.length}` }).waitFor();

    const save = async (button: string): Promise<string> => {
      const [download] = await Promise.all([popout.waitForEvent('download'), popout.getByRole('button', { name: button }).click()]);
      return readFile(await download.path(), 'utf8');
    };
    const markdown = await save('Export report as Markdown');
    for (const scenario of blockedScenarios) expect(markdown).toContain(`/api/${scenario.name}`);
    expect(markdown).toContain('Access-Control-Allow-Methods: GET, POST, DELETE');

    const redacted = JSON.parse(await save('Export report as JSON')) as { schemaVersion: number; redacted: boolean; exchanges: unknown[] };
    expect(redacted).toMatchObject({ schema: 'cors-devtools-report', schemaVersion: 1, redacted: true });
    expect(redacted.exchanges.length).toBeGreaterThan(40);
    const redactedText = JSON.stringify(redacted);
    expect(redactedText).not.toContain('playground-token');
    expect(redactedText).toContain('Authorization');

    await popout.getByRole('checkbox', { name: 'Keep credentials in exports' }).check();
    const kept = await save('Export report as JSON');
    expect(JSON.parse(kept)).toMatchObject({ redacted: false });
    expect(kept).toContain('Bearer playground-token');
    await popout.close();
  });

  it('asks for an ok status where a preflight was answered 404, which no header line mends', async () => {
    await panel.evaluate(`(() => { const box = document.querySelector('input[type=search]'); box.value = 'preflight-404'; box.dispatchEvent(new Event('input', { bubbles: true })); })()`);
    await panel.waitFor(`document.querySelectorAll('[data-exchange-id]').length === 1`);
    await panel.evaluate(`document.querySelector('[data-exchange-id]').click()`);
    const failed = await panel.waitFor<string>(`document.querySelector('[aria-label="What failed"]')?.textContent.includes('PreflightInvalidStatus') && document.querySelector('[aria-label="What failed"]').textContent`);
    expect(failed).toContain('Fix: answer the preflight with an ok status');
    expect(failed).toContain('status 204 (any 2xx passes): no header makes a preflight answered 404 pass.');
  });
});

describe('the CORS panel with a dark DevTools', () => {
  it('follows the DevTools theme (dark)', async () => {
    const dark = await openDevToolsOnPlayground({ args: ['--force-dark-mode'] });
    const { session, targets, page } = dark;
    try {
      for (const name of ['preflighted-put', 'preflight-missing-allow-origin', 'header-not-allowed', 'missing-allow-origin', 'json-post']) await runScenario(page, name);
      const panel = await openCorsPanel(session, targets);
      expect(await panel.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe('dark');
      // The count, not the rows drawn: the list draws only the rows in view.
      await panel.waitFor(`(${kindText('all')}) === 'All 5'`, 30_000);
      await panel.evaluate(`[...document.querySelectorAll('[data-exchange-id]')].find((row) => row.textContent.includes('header-not-allowed')).click()`);
      await panel.waitFor(`document.querySelector('[aria-label="What failed"]')?.textContent.includes('HeaderDisallowedByPreflightResponse')`);
      await saveScreenshot('panel-dark.png', await (panel.devtools ?? panel).screenshot());
    } finally {
      await dark.close();
    }
  });
});
