import type { Browser } from 'puppeteer-core';

/**
 * Evaluates JavaScript in Firefox's chrome context (the privileged browser window,
 * `chrome://browser/content/browser.xhtml`) over WebDriver BiDi: `browsingContext.getTree` with
 * `moz:scope: "chrome"` finds the window, `script.evaluate` runs in it. Firefox allows this only
 * when launched with `--remote-allow-system-access`.
 *
 * Puppeteer has no public API for it, so this speaks BiDi over puppeteer's own connection.
 */
export interface ChromeContext {
  /** Runs `expression` (awaited when it is a promise) and returns its value through JSON. */
  evaluate<T>(expression: string): Promise<T>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface ContextTree {
  readonly contexts: ReadonlyArray<{ readonly context: string; readonly url: string }>;
}

interface EvaluateResult {
  readonly type: 'success' | 'exception';
  readonly result?: { readonly type: string; readonly value?: unknown };
  readonly exceptionDetails?: { readonly text: string };
}

export async function chromeContext(browser: Browser): Promise<ChromeContext> {
  const connection = bidiConnection(browser);
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const window = (result as ContextTree).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (window === undefined) throw new Error('no chrome window: was Firefox launched with --remote-allow-system-access?');
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result: evaluated } = await connection.send('script.evaluate', {
        // JSON on the way out: BiDi's remote values would need their own deserializer.
        expression: `(async () => JSON.stringify(await (${expression})) ?? 'null')()`,
        target: { context: window.context },
        awaitPromise: true,
      });
      const outcome = evaluated as EvaluateResult;
      if (outcome.type === 'exception') throw new Error(`chrome context: ${outcome.exceptionDetails?.text ?? 'exception'}`);
      return JSON.parse(String(outcome.result?.value)) as T;
    },
  };
}

/** Puppeteer's BiDi browser keeps its connection on `connection`; check the shape before use. */
function bidiConnection(browser: Browser): BidiConnection {
  const connection: unknown = Reflect.get(browser, 'connection');
  if (typeof connection !== 'object' || connection === null || typeof Reflect.get(connection, 'send') !== 'function') {
    throw new Error('this puppeteer Browser has no BiDi connection (launch it with browser: "firefox")');
  }
  return connection as BidiConnection;
}
