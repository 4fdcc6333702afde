// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/panel/app';
import { PanelClient } from '../../../src/protocol/panel-client';
import { SequenceBuilder } from '../capture/sequence-builder';
import { captureBackground } from './capture-background';
import { allowOrigin, exchange } from './exchange-builder';
import { fakeBackground } from './fake-background';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const never = () => false;

/** The list's rows in list order (the virtual list recycles rows, so DOM order is not list order). */
function rows(): HTMLElement[] {
  const index = (row: HTMLElement) => Number(row.getAttribute('aria-rowindex'));
  return [...document.querySelectorAll<HTMLElement>('[data-exchange-id]')].sort((a, b) => index(a) - index(b));
}

describe('the CORS panel', () => {
  it('lists the snapshot it gets on connect, with preflight, status and verdict', async () => {
    const passing = exchange({ method: 'PUT', headers: [['Content-Type', 'application/json']], preflight: { status: 204, headers: [allowOrigin, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'content-type']] }, response: { status: 200, headers: [allowOrigin] } });
    const failing = exchange({ method: 'GET', response: { status: 200, headers: [] } });
    const { client } = fakeBackground([passing, failing]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [first, second] = rows().map((row) => [...row.querySelectorAll('[role=gridcell]')].map((cell) => cell.textContent));
    expect(first).toEqual(['PUT', passing.url, 'sent', '200', 'OK', '40 ms']);
    expect(second).toEqual(['GET', failing.url, 'none', '200', 'no Allow-Origin', '40 ms']);
  });

  it('filters failed requests and searches by text, with a count per kind', async () => {
    const list = [
      exchange({ path: '/users', response: { status: 200, headers: [allowOrigin] } }),
      exchange({ path: '/orders', response: { status: 200, headers: [] } }),
      exchange({ path: '/orders/2', method: 'DELETE', preflight: { status: 204, headers: [] }, error: 'net::ERR_FAILED' }),
    ];
    const { client } = fakeBackground(list);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const failed = screen.getByRole('radio', { name: /Failed/ });
    expect(failed.textContent).toBe('Failed 2');
    expect(screen.getByRole('radio', { name: /^Preflighted/ }).textContent).toBe('Preflighted 1');
    fireEvent.click(failed);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'DELETE' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toContain('/orders/2');
  });

  it('shows what failed, what the server answered and the fix for the selected request', async () => {
    const blocked = exchange({
      method: 'PUT',
      headers: [['X-Api-Key', 'k']],
      preflight: { status: 204, headers: [allowOrigin, ['Access-Control-Allow-Methods', 'PUT']] },
      error: 'net::ERR_FAILED',
    });
    const { client } = fakeBackground([blocked]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const detail = await screen.findByRole('article', { name: 'Exchange detail' });
    const failed = within(detail).getByRole('region', { name: 'What failed' });
    expect(failed.textContent).toContain('HeaderDisallowedByPreflightResponse');
    expect(failed.textContent).toContain('failed parameter: x-api-key');
    expect(within(failed).getAllByText(/Access-Control-Allow-Headers: x-api-key/i).length).toBeGreaterThan(0);
    const why = within(detail).getByRole('region', { name: 'Why a preflight' });
    expect([...why.querySelectorAll('.at-fault')].map((line) => line.textContent)).toEqual(['Access-Control-Request-Method:PUT', 'Access-Control-Request-Headers:x-api-key']);
  });

  it("names Firefox's console reason with its MDN page, the one the reports link to", async () => {
    const blocked = exchange({ browser: 'firefox', response: { status: 200, headers: [] }, error: 'NS_ERROR_DOM_BAD_URI' });
    const { client } = fakeBackground([blocked]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const failed = within(await screen.findByRole('article', { name: 'Exchange detail' })).getByRole('region', { name: 'What failed' });
    expect(failed.textContent).toContain("Firefox's console calls it CORSMissingAllowOrigin");
    expect(within(failed).getByRole('link', { name: 'MDN' }).getAttribute('href')).toBe('https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin');
  });

  it('renders whatever a page sends as text, never as markup', async () => {
    const hostile = exchange({ path: '/x?<img src=x onerror="globalThis.pwned=1">', headers: [['X-Evil', '<script>globalThis.pwned=1</script>']], response: { status: 200, headers: [] } });
    const { client } = fakeBackground([hostile]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    await screen.findByRole('article', { name: 'Exchange detail' });
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    expect(document.body.textContent).toContain('<script>globalThis.pwned=1</script>');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('moves the selection with the keyboard', async () => {
    const list = [1, 2, 3].map((n) => exchange({ path: `/k${n}`, response: { status: 200, headers: [allowOrigin] } }));
    const { client } = fakeBackground(list);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const grid = screen.getByRole('grid', { name: 'Cross-origin requests' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(document.querySelector('[role=row][aria-selected=true]')?.textContent).toContain('/k2'));
    fireEvent.keyDown(grid, { key: 'End' });
    await waitFor(() => expect(document.querySelector('[role=row][aria-selected=true]')?.textContent).toContain('/k3'));
  });

  it('goes on from a selection the filter hides to the shown row next to it', async () => {
    const list = ['/a/1', '/b/2', '/a/3', '/b/4', '/a/5'].map((path) => exchange({ path, response: { status: 200, headers: [allowOrigin] } }));
    const { client } = fakeBackground(list);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(5));
    const selectedText = (): string | null | undefined => document.querySelector('[role=row][aria-selected=true]')?.textContent;
    for (const [key, expected] of [['ArrowDown', '/a/5'], ['ArrowUp', '/a/3']] as const) {
      fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
      await waitFor(() => expect(rows()).toHaveLength(5));
      fireEvent.click(rows()[3] as HTMLElement);
      await waitFor(() => expect(selectedText()).toContain('/b/4'));
      fireEvent.input(screen.getByRole('searchbox'), { target: { value: '/a/' } });
      await waitFor(() => expect(rows()).toHaveLength(3));
      fireEvent.keyDown(screen.getByRole('grid', { name: 'Cross-origin requests' }), { key });
      await waitFor(() => expect(selectedText()).toContain(expected));
    }
  });

  it('gives focus back to the list when the detail closes', async () => {
    const { client } = fakeBackground([exchange({ response: { status: 200, headers: [allowOrigin] } })]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const close = await screen.findByRole('button', { name: 'Close detail' });
    close.focus();
    fireEvent.click(close);
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('grid', { name: 'Cross-origin requests' }));
  });

  it('reconnects and takes a fresh snapshot when the background goes away', async () => {
    const background = fakeBackground([exchange({ response: { status: 200, headers: [allowOrigin] } })]);
    render(<App client={background.client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    background.disconnect();
    await waitFor(() => expect(background.received.filter((m) => m.type === 'subscribe')).toHaveLength(2));
    await waitFor(() => expect(background.client.data.connection).toBe('connected'));
    expect(rows()).toHaveLength(1);
  });

  it('keeps the selected request and its detail through a background restart', async () => {
    // The oldest of more than a snapshot page: the restarted background re-sends it last.
    const sequence = new SequenceBuilder(undefined, undefined, 7);
    for (let n = 1; n <= 450; n += 1) sequence.start(String(n), 'GET', `/x/${n}`).finish(String(n), 'GET', `/x/${n}`);
    const background = captureBackground(sequence.events, 7);
    render(<App client={background.client} unexpected={never} />);
    await waitFor(() => expect(background.client.data.exchanges).toHaveLength(450));
    fireEvent.keyDown(screen.getByRole('grid', { name: 'Cross-origin requests' }), { key: 'Home' });
    await screen.findByRole('article', { name: 'Exchange detail' });
    let detailClosed = false;
    const watch = new MutationObserver(() => {
      detailClosed ||= screen.queryByRole('article', { name: 'Exchange detail' }) === null;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const heldBefore = background.client.data.exchanges[0];
    background.restart();
    // The restarted background's copy of the oldest comes with its last page.
    await waitFor(() => expect(background.client.data.exchanges[0]).not.toBe(heldBefore));
    expect(background.client.data.exchanges).toHaveLength(450);
    await new Promise((resolve) => setTimeout(resolve, 20));
    watch.disconnect();
    expect(detailClosed).toBe(false);
    expect(screen.getByRole('article', { name: 'Exchange detail' }).textContent).toContain('/x/1');
  });

  it('carries out Clear and Preserve log clicked while it reconnects', async () => {
    const sequence = new SequenceBuilder(undefined, undefined, 7);
    for (let n = 1; n <= 3; n += 1) sequence.start(String(n), 'GET', `/c/${n}`).finish(String(n), 'GET', `/c/${n}`);
    const background = captureBackground(sequence.events, 7);
    render(<App client={background.client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    background.restart();
    await screen.findByText('reconnecting…');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Preserve log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear the list' }));
    await waitFor(() => expect(background.client.data.connection).toBe('connected'));
    expect(background.exchanges()).toEqual([]);
    expect(rows()).toHaveLength(0);
    // The background took Preserve log: the next restart's snapshot has it.
    background.restart();
    await screen.findByText('reconnecting…');
    await waitFor(() => expect(background.client.data.connection).toBe('connected'));
    expect((screen.getByRole('checkbox', { name: 'Preserve log' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says to reopen DevTools when the extension was reloaded under it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = new PanelClient(() => {
      throw new Error('Extension context invalidated.');
    }, 1);
    render(<App client={client} unexpected={never} />);
    expect(screen.getByTestId('counts').textContent).toBe('extension updated: reopen DevTools');
  });

  it('keeps listing after the background sends an exchange it cannot read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const background = fakeBackground([exchange({ response: { status: 200, headers: [allowOrigin] } })]);
    render(<App client={background.client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    (background.push as (message: unknown) => void)({ type: 'exchanges', tabId: 1, exchanges: [{ id: '1:bogus', method: 'GET', url: 'http://x/' }], evicted: 0 });
    background.push({ type: 'exchanges', tabId: 1, exchanges: [exchange({ path: '/after', response: { status: 200, headers: [allowOrigin] } })], evicted: 0 });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[1]?.textContent).toContain('/after');
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it('sends Clear and Preserve log to the background', async () => {
    const background = fakeBackground([exchange({ response: { status: 200, headers: [allowOrigin] } })]);
    render(<App client={background.client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Preserve log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear the list' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    await waitFor(() => expect(background.received.map((m) => m.type)).toEqual(['subscribe', 'preserve-log', 'clear']));
  });
});

describe('the CORS panel exports', () => {
  it('saves a Markdown and a JSON report, redacted unless credentials are kept', async () => {
    const { PlatformContext } = await import('../../../src/panel/platform');
    const saved: Array<{ name: string; mime: string; text: string }> = [];
    const platform = { copyText: async () => undefined, saveFile: (name: string, mime: string, text: string) => void saved.push({ name, mime, text }), openPopout: null, captureMode: null };
    const blocked = exchange({
      headers: [['Authorization', 'Bearer sekrit-token-123456789']],
      preflight: { status: 204, headers: [allowOrigin, ['Access-Control-Allow-Headers', 'authorization']] },
      response: { status: 200, headers: [] },
    });
    const { client } = fakeBackground([blocked]);
    render(
      <PlatformContext.Provider value={platform}>
        <App client={client} unexpected={never} source="http://127.0.0.1:8080/" />
      </PlatformContext.Provider>,
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export report as Markdown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export report as JSON' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep credentials in exports' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export report as JSON' }));
    expect(saved.map((file) => [file.name.replace(/\d/g, 'N'), file.mime])).toEqual([
      ['cors-report-NNNN-NN-NNTNN-NN-NN.md', 'text/markdown'],
      ['cors-report-NNNN-NN-NNTNN-NN-NN.json', 'application/json'],
      ['cors-report-NNNN-NN-NNTNN-NN-NN.json', 'application/json'],
    ]);
    const [markdown, redacted, kept] = saved.map((file) => file.text) as [string, string, string];
    expect(markdown).toContain('MissingAllowOriginHeader');
    expect(markdown).not.toContain('sekrit');
    expect(JSON.parse(redacted)).toMatchObject({ schema: 'cors-devtools-report', schemaVersion: 1, redacted: true, source: 'http://127.0.0.1:8080/' });
    expect(redacted).not.toContain('sekrit');
    expect(JSON.parse(kept)).toMatchObject({ redacted: false });
    expect(kept).toContain('sekrit-token-123456789');
  });
});

describe('the fix for a failure', () => {
  it('offers ready configuration for common servers', async () => {
    const blocked = exchange({ method: 'PUT', headers: [['X-Api-Key', 'k']], preflight: { status: 204, headers: [allowOrigin, ['Access-Control-Allow-Methods', 'PUT']] }, error: 'net::ERR_FAILED' });
    const { client } = fakeBackground([blocked]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const servers = await screen.findByRole('tablist', { name: 'Server' });
    const tabs = within(servers).getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs.length).toBeGreaterThanOrEqual(4);
    fireEvent.click(within(servers).getByRole('tab', { name: /nginx/i }));
    const shown = screen.getByRole('tabpanel');
    expect(shown.textContent).toMatch(/add_header Access-Control-Allow-Headers .*x-api-key/i);
  });
});

describe('the preflights-by-endpoint view', () => {
  it('groups preflights per endpoint with what triggered them and what to change', async () => {
    const traced = [1, 2, 3].map((n) =>
      exchange({
        path: `/api/users?page=${n}`,
        headers: [['X-Request-Id', `r${n}`]],
        preflight: { status: 204, headers: [allowOrigin, ['Access-Control-Allow-Headers', 'x-request-id']] },
        response: { status: 200, headers: [allowOrigin] },
      }),
    );
    const { client } = fakeBackground(traced);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByRole('tab', { name: 'Preflights by endpoint' }));
    const view = await screen.findByRole('region', { name: 'Preflights by endpoint' });
    const endpointRows = view.querySelectorAll('[data-endpoint]');
    expect(endpointRows).toHaveLength(1);
    expect(endpointRows[0]?.getAttribute('data-endpoint')).toBe('http://127.0.0.1:8081/api/users');
    expect(endpointRows[0]?.textContent).toContain('3 sent');
    expect(endpointRows[0]?.querySelector('code')?.textContent).toBe('x-request-id');
    expect(endpointRows[0]?.textContent).toMatch(/Access-Control-Max-Age/);
  });
});

describe('Import HAR', () => {
  it('shows a HAR file read-only with the same pairing and diagnosis, then goes back to live capture', async () => {
    const { readFile } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    const har = await readFile(resolve(import.meta.dirname, '../../fixtures/har/chromium-devtools.har'), 'utf8');
    const live = exchange({ path: '/live-only', response: { status: 200, headers: [allowOrigin] } });
    const { client } = fakeBackground([live]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const input = screen.getByLabelText('HAR file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([har], 'run.har', { type: 'application/json' })] } });
    const banner = await screen.findByRole('status', { name: 'Imported HAR' });
    expect(banner.textContent).toMatch(/run\.har \(read-only\): \d+ cross-origin requests/);
    await waitFor(() => expect(screen.getByRole('radio', { name: /Failed/ }).textContent).toBe('Failed 31'));
    expect(screen.queryByRole('button', { name: 'Clear the list' })).toBeNull();
    fireEvent.click(within(banner).getByRole('button', { name: 'Back to live capture' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toContain('/live-only');
  });

  it("exports an imported Playwright HAR's reports with the blocks it cannot explain counted, as the CLI does", async () => {
    const { readFile } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    const { PlatformContext } = await import('../../../src/panel/platform');
    const har = await readFile(resolve(import.meta.dirname, '../../fixtures/har/chromium-playwright.har'), 'utf8');
    const saved: string[] = [];
    const platform = { copyText: async () => undefined, saveFile: (_name: string, _mime: string, text: string) => void saved.push(text), openPopout: null, captureMode: null };
    const { client } = fakeBackground([]);
    render(
      <PlatformContext.Provider value={platform}>
        <App client={client} unexpected={never} />
      </PlatformContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText('HAR file'), { target: { files: [new File([har], 'playwright.har', { type: 'application/json' })] } });
    await screen.findByRole('status', { name: 'Imported HAR' });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Export report as Markdown' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Export report as Markdown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export report as JSON' }));
    expect(saved[0]).toMatch(/^# CORS report: \d+ cross-origin requests blocked for a reason not recorded; none of the \d+ checked failed\n/);
    expect((JSON.parse(saved[1] ?? '{}') as { summary: { unexplainedBlocks: number } }).summary.unexplainedBlocks).toBeGreaterThan(20);
  });

  it('says clearly when the file is not a HAR, and keeps what it showed', async () => {
    const live = exchange({ path: '/still-here', response: { status: 200, headers: [allowOrigin] } });
    const { client } = fakeBackground([live]);
    render(<App client={client} unexpected={never} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('HAR file'), { target: { files: [new File(['{"hello": "world"}'], 'notes.json')] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/HAR/);
    expect(rows()[0]?.textContent).toContain('/still-here');
  });
});
