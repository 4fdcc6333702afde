import type { ChromeContext } from './firefox-chrome-context';

/**
 * Firefox's own CORS verdicts, read from its console.
 *
 * Firefox explains a blocked request only in the console ("Cross-Origin Request Blocked: ...
 * (Reason: ...)"), which reaches neither `page.on('console')` nor stdout. Every such message is
 * an nsIScriptError whose `category` is its key in `security.properties` (CORSMissingAllowOrigin2,
 * CORSMethodNotFound, ...), the names MDN's CORS error pages use. An nsIConsoleListener registered
 * on `Services.console` from the chrome context sees them all, content processes included.
 */
export interface ConsoleReason {
  /** The security.properties key, e.g. `CORSAllowOriginNotMatchingOrigin`. */
  readonly key: string;
  /** The request's URL as the message names it. */
  readonly url: string;
  /**
   * The message's second argument when it has one: the Allow-Origin value, the header name or
   * the token refused, or the status code (`...DidNotSucceed`, `CORSMissingAllowOrigin2`).
   */
  readonly parameter: string | null;
  /** A warning ("will disallow ... soon"), not a block. */
  readonly warning: boolean;
  readonly message: string;
}

export interface ConsoleReasons {
  /** Everything seen since the last call, oldest first; empties the buffer. */
  take(): Promise<ConsoleReason[]>;
}

interface RawMessage {
  readonly key: string;
  readonly message: string;
  readonly warning: boolean;
}

/** Registers the listener once per browser; a second call reuses it. */
export async function listenToConsoleReasons(chrome: ChromeContext): Promise<ConsoleReasons> {
  await chrome.evaluate(installListener);
  const templates = new Map<string, RegExp | null>();
  return {
    async take() {
      const raw = await chrome.evaluate<RawMessage[]>('globalThis.__corsConsoleReasons.splice(0)');
      const unknownKeys = [...new Set(raw.map((m) => m.key))].filter((key) => !templates.has(key));
      if (unknownKeys.length > 0) {
        const found = await chrome.evaluate<Record<string, string | null>>(templatesOf(unknownKeys));
        for (const key of unknownKeys) templates.set(key, patternOf(found[key] ?? null));
      }
      return raw.map((m) => parse(m, templates.get(m.key) ?? null));
    },
  };
}

/**
 * Chrome-context JavaScript (a string: it runs in Firefox, not here). Keeps CORS messages only;
 * the listener and its buffer live on the browser window's global.
 */
const installListener = `(() => {
  if (globalThis.__corsConsoleReasons !== undefined) return true;
  const buffer = (globalThis.__corsConsoleReasons = []);
  const listener = {
    observe(message) {
      if (!(message instanceof Ci.nsIScriptError)) return;
      if (!message.category.startsWith('CORS')) return;
      buffer.push({
        key: message.category,
        message: message.errorMessage,
        warning: (message.flags & Ci.nsIScriptError.warningFlag) !== 0,
      });
    },
    QueryInterface: ChromeUtils.generateQI(['nsIConsoleListener']),
  };
  globalThis.__corsConsoleListener = listener;
  Services.console.registerListener(listener);
  return true;
})()`;

/** The en-US templates of some keys, read from the browser's own string bundle. */
function templatesOf(keys: readonly string[]): string {
  return `(() => {
    const bundle = Services.strings.createBundle('chrome://global/locale/security/security.properties');
    const out = {};
    for (const key of ${JSON.stringify(keys)}) {
      try { out[key] = bundle.GetStringFromName(key); } catch { out[key] = null; }
    }
    return out;
  })()`;
}

/** A template such as `... at %1$S. (Reason: ... match ‘%2$S’).` as a pattern with two groups. */
function patternOf(template: string | null): RegExp | null {
  if (template === null) return null;
  const parts = template.split(/(%[12]\$S)/);
  const source = parts
    .map((part) => (part === '%1$S' ? '(?<url>.*?)' : part === '%2$S' ? '(?<parameter>.*)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's');
}

function parse(raw: RawMessage, pattern: RegExp | null): ConsoleReason {
  const groups = pattern?.exec(raw.message)?.groups;
  return {
    key: raw.key,
    url: groups?.['url'] ?? urlIn(raw.message),
    parameter: groups?.['parameter'] ?? null,
    warning: raw.warning,
    message: raw.message,
  };
}

/** Fallback when the template is unknown: the first URL in the message. */
function urlIn(message: string): string {
  return /https?:\/\/[^\s‘’'"]+?(?=[.’']?\s|[’']|$)/.exec(message)?.[0] ?? '';
}
