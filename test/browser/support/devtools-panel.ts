import type { Browser, CDPSession } from 'playwright-core';

/**
 * Reaches the DevTools window and the extension's panel inside it. Playwright cannot address
 * these targets directly, so this speaks the DevTools Protocol's Target domain with
 * `flatten: false` and relays messages by hand.
 */
export class DevToolsTargets {
  readonly #session: CDPSession;
  #nextId = 1;
  readonly #pending = new Map<string, (message: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(session: CDPSession) {
    this.#session = session;
    session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const key = `${event.sessionId}:${message.id}`;
      this.#pending.get(key)?.(message);
      this.#pending.delete(key);
    });
  }

  static async open(browser: Browser): Promise<DevToolsTargets> {
    return new DevToolsTargets(await browser.newBrowserCDPSession());
  }

  async targets(): Promise<Array<{ targetId: string; type: string; url: string }>> {
    const { targetInfos } = (await this.#session.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    return targetInfos;
  }

  /** Waits for a target whose URL passes `test`, then attaches to it. */
  async attach(test: (url: string) => boolean, timeoutMs = 20_000): Promise<TargetHandle> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const target = (await this.targets()).find((t) => test(t.url));
      if (target !== undefined) {
        const { sessionId } = (await this.#session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
        return new TargetHandle(target.targetId, (method, params) => this.#call(sessionId, method, params));
      }
      if (Date.now() > deadline) throw new Error('No DevTools target matched in time');
      await delay(200);
    }
  }

  /**
   * Shows the extension's panel in the open DevTools window and returns its frame.
   * DevTools throws until it has started, so this retries.
   */
  async showPanel(extensionId: string, title: string): Promise<TargetHandle> {
    const devtools = await this.attach((url) => url.startsWith('devtools://devtools/bundled/devtools_app.html'));
    const panelId = `chrome-extension://${extensionId}${title}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      // DevTools adds extension panels after it starts, and showPanel() of an unknown id does nothing.
      const shown = await devtools
        .evaluate<boolean>(
          `(async () => { const legacy = await import('./ui/legacy/legacy.js');
            const view = legacy.InspectorView.InspectorView.instance();
            if (!view.tabbedPane.tabs.some((tab) => tab.id === ${JSON.stringify(panelId)})) return false;
            await view.showPanel(${JSON.stringify(panelId)});
            return view.tabbedPane.selectedTabId === ${JSON.stringify(panelId)}; })()`,
        )
        .catch(() => false);
      if (shown) break;
      if (Date.now() > deadline) throw new Error(`DevTools never showed the panel ${panelId}`);
      await delay(250);
    }
    const panel = await this.attach((url) => url.startsWith(`chrome-extension://${extensionId}/extension/panel/panel.html`));
    return Object.assign(panel, { devtools });
  }

  /** Closes the first target whose URL passes `test` (a DevTools window, as its user would); false when none. */
  async closeTarget(test: (url: string) => boolean): Promise<boolean> {
    const target = (await this.targets()).find((t) => test(t.url));
    if (target === undefined) return false;
    await this.#session.send('Target.closeTarget', { targetId: target.targetId });
    return true;
  }

  async close(): Promise<void> {
    await this.#session.detach().catch(() => undefined);
  }

  #call(sessionId: string, method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolvePromise, reject) => {
      this.#pending.set(`${sessionId}:${id}`, (message) => {
        if (message.error !== undefined) reject(new Error(`${method}: ${message.error.message}`));
        else resolvePromise(message.result);
      });
      void this.#session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  }
}

/** One attached target: evaluate script in it, take its screenshot. */
export class TargetHandle {
  devtools?: TargetHandle;

  constructor(
    readonly targetId: string,
    readonly call: (method: string, params?: Record<string, unknown>) => Promise<unknown>,
  ) {}

  async evaluate<T>(expression: string): Promise<T> {
    const result = (await this.call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails !== undefined) {
      throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    }
    return result.result.value as T;
  }

  /** Polls `expression` until it returns a truthy value. */
  async waitFor<T>(expression: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.evaluate<T>(expression).catch(() => undefined);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${expression}`);
      await delay(100);
    }
  }

  async screenshot(): Promise<Buffer> {
    const { data } = (await this.call('Page.captureScreenshot', { format: 'png' })) as { data: string };
    return Buffer.from(data, 'base64');
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
