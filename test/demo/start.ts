/**
 * `npm start`: the extension for real. Starts the CORS playground, launches Debian's Chromium with
 * the built extension, DevTools open and the playground loaded.
 * - With a display: a normal window; click the scenarios, open the CORS tab. Ctrl-C stops it.
 * - Without one (or with --headless): clicks through every scenario itself, prints what the CORS
 *   panel shows, and saves a screenshot of the DevTools CORS tab.
 */
import { openCorsPanel, tabIdOf } from '../browser/support/cors-panel';
import { openDevToolsOnPlayground } from '../browser/support/devtools-session';
import { PanelProtocolReader } from '../browser/support/panel-protocol';
import { preflightLabel, statusLabel, verdictLabel } from '../../src/panel/exchange-summary';
import { runAllScenarios } from '../browser/support/playground-page';
import { saveScreenshot } from '../browser/support/screenshots';

const headless = process.argv.includes('--headless') || (process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY'] ?? '') === '';

// The fixed ports are easy to remember; if they are taken, any free ones do.
const devtools = await openDevToolsOnPlayground({ headless, pagePort: 8080, apiPort: 8081 }).catch(() => openDevToolsOnPlayground({ headless }));
const { playground, session, targets, page } = devtools;

console.log(`CORS playground page: ${playground.pageUrl}`);
console.log(`CORS playground API:  ${playground.apiOrigin}`);
console.log(`Extension:            chrome-extension://${session.extensionId}/ (loaded from dist/chrome)`);

if (!headless) {
  console.log('\nChromium is open with DevTools: pick the "CORS" tab, then click the scenarios. Ctrl-C to stop.');
  const stop = async (): Promise<void> => {
    await devtools.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  session.context.on('close', () => void stop());
} else {
  console.log('\nNo display: running headless. Clicking through every scenario…');
  const panel = await openCorsPanel(session, targets);
  const outcomes = await runAllScenarios(page);
  const expected = Object.keys(outcomes).length;
  // The panel draws only the rows in view; the whole list is read the way the panel gets it.
  const tabId = await tabIdOf(session, playground.pageOrigin);
  const reader = await PanelProtocolReader.open(session.context, session.extensionId ?? '', tabId);
  const exchanges = await reader.waitFor(tabId, (list) => list.length > 0 && list.every((e) => e.state !== 'pending'));
  await reader.close();
  console.log(`\n${expected} scenarios run; the CORS panel lists ${exchanges.length} cross-origin requests:\n`);
  for (const e of exchanges) console.log(`  ${e.method.padEnd(7)} ${preflightLabel(e).padEnd(7)} ${statusLabel(e).padEnd(16)} ${verdictLabel(e).padEnd(40)} ${e.url}`);
  // Show a failure's diagnosis in the screenshot.
  await panel.evaluate(`document.querySelector('.row.failed')?.click()`);
  await new Promise((done) => setTimeout(done, 300));
  const screenshotPath = await saveScreenshot('cors-panel.png', await (panel.devtools ?? panel).screenshot());
  console.log(`\nScreenshot of the DevTools CORS tab: ${screenshotPath}`);
  await devtools.close();
}
