/**
 * Measures what storage.session costs the capture, in the extension's own service worker:
 *   npm run build && npx tsx test/browser/support/measure-session-storage.ts [count]
 * Writes `count` settled exchanges of the size the capture stores (one key each, as the
 * capture does), then reads them back as a restarted worker would.
 */
import { readFixtures } from '../../fixtures/web-request/web-request-fixture';
import { replay } from '../../unit/capture/replay-events';
import { launchChromium } from './chromium';

const count = Number(process.argv[2] ?? 3000);
const sample = [...(replay(readFixtures('chrome').get('parallel-preflights')?.events ?? []).persistence.data.entries())].find(([key]) => key.startsWith('x:'))?.[1];
const session = await launchChromium();
try {
  const worker = await session.serviceWorker();
  const result = await worker.evaluate(
    `(async ({ sample, count }) => {
      await chrome.storage.session.clear();
      const json = JSON.stringify(sample).length;
      let written = 0;
      let failure = null;
      const t = performance.now();
      for (; written < count; written += 1) {
        try { await chrome.storage.session.set({ ['x:7:' + written]: { ...sample, id: '7:' + written } }); }
        catch (error) { failure = String(error.message ?? error); break; }
      }
      const perWriteMs = (performance.now() - t) / Math.max(written, 1);
      const used = await chrome.storage.session.getBytesInUse(null);
      const r = performance.now();
      const all = await chrome.storage.session.get(null);
      const readMs = performance.now() - r;
      await chrome.storage.session.clear();
      return { jsonBytesPerExchange: json, written, failure, perWriteMs, bytesInUse: used, bytesInUsePerExchange: used / Math.max(written, 1), readAllMs: readMs, keys: Object.keys(all).length };
    })(${JSON.stringify({ sample, count })})`,
  );
  console.log(JSON.stringify(result, null, 1));
} finally {
  await session.close();
}
