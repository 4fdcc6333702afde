import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Debian's Chromium binary, not the /usr/bin wrapper (it adds flags, among them an empty
 * `--load-extension=`). CHROME_PATH overrides it. Every test, tool and bench that starts Chromium
 * takes the path from here; test/tools/ensure-browser.mjs repeats it, as it runs before any install.
 */
export const chromiumPath = process.env['CHROME_PATH'] ?? '/usr/lib/chromium/chromium';

/**
 * The flags every launch gives: no sandbox, no GPU, and nothing that reaches for the network
 * (background fetches, component updates, sync, first-run and default-browser prompts): this
 * machine has none, and Chromium would keep trying.
 */
export const chromiumFlags: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** "Chromium 156.0.8078.79", as the binary says it; "unknown" when it cannot be run. */
export async function chromiumVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(chromiumPath, ['--version']);
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}
