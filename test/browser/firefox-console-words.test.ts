/**
 * The words the panel and reports quote from Firefox's console line for each reason key
 * (src/report/firefox-console-reasons.ts) are held to the strings of the Firefox under test: its
 * own string bundle, read from the chrome context, is what its console formats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxConsoleReason, knownFirefoxReasonKeys } from '../../src/report/firefox-console-reasons';
import { launchFirefox, type FirefoxSession } from './support/firefox';

describe("Firefox's console words for its CORS reasons", () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox({ extension: null });
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('end every one of its messages, as its string bundle words them', async () => {
    const keys = JSON.stringify(knownFirefoxReasonKeys);
    const templates = await firefox.chrome.evaluate<Record<string, string | null>>(`(() => {
      const bundle = Services.strings.createBundle('chrome://global/locale/security/security.properties');
      const out = {};
      for (const key of ${keys}) {
        try { out[key] = bundle.GetStringFromName(key); } catch { out[key] = null; }
      }
      return out;
    })()`);
    expect(knownFirefoxReasonKeys.length).toBeGreaterThan(10);
    for (const key of knownFirefoxReasonKeys) {
      const ours = firefoxConsoleReason(key, '%2$S') ?? '';
      expect([key, templates[key]?.endsWith(` ${ours}`)]).toEqual([key, true]);
    }
  });
});
